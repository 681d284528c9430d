import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Role, ROLES } from '../../common/auth/roles';
import { NormalizeEmail, Optional, Trim } from '../../common/http/transforms';

export class LoginDto {
  @ApiProperty({ example: 'staff@demo.frirom.no' })
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'demo-staff-2027' })
  @IsString()
  @MaxLength(200)
  password!: string;
}

export class RegisterDto {
  @ApiProperty({ example: 'leder@ask-il.no' })
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Kari Nordmann' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ minLength: 8, maxLength: 200 })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password!: string;

  @ApiPropertyOptional({ example: '+4791234567', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 ]{5,20}$/, { message: 'phone must be a phone number' })
  phone?: string | null;

  @ApiPropertyOptional({
    enum: ['nb', 'en'],
    default: 'nb',
    description: 'Language of the mails the user gets, and of error messages when no Accept-Language is sent',
  })
  @IsOptional()
  @IsIn(['nb', 'en'])
  locale?: 'nb' | 'en';
}

export class CreateUserDto extends RegisterDto {
  @ApiProperty({ enum: ROLES, isArray: true, example: ['caretaker'] })
  @IsArray()
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({ type: [String], description: 'Buildings a caretaker looks after' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  buildingIds?: string[];
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @Optional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 ]{5,20}$/, { message: 'phone must be a phone number' })
  phone?: string | null;

  @ApiPropertyOptional({ enum: ['nb', 'en'] })
  @Optional()
  @IsIn(['nb', 'en'])
  locale?: 'nb' | 'en';

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ type: [String], description: 'Replaces the buildings a caretaker looks after' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  buildingIds?: string[];
}

export class UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ enum: ['nb', 'en'] }) locale!: 'nb' | 'en';

  @ApiProperty({ type: [String], description: 'Organisations the user is a contact of' })
  organisationIds!: string[];

  @ApiProperty({ type: [String], description: 'Buildings the user is caretaker of' })
  buildingIds!: string[];
}

/** GET /auth/me: the user with roles, organisations and buildings. */
export class MeView extends UserView {}

export class LoginAnswer {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ type: MeView }) user!: MeView;
}

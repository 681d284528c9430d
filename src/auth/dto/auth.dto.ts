import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
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
import { PASSWORD_MAX, PASSWORD_MIN } from '../passwords/password-policy';

/** The password rules are checked by the service, to answer which rule failed; this only bounds the input. */
export const PASSWORD_INPUT_MAX = 1024;
export const PASSWORD_DOC = {
  minLength: PASSWORD_MIN,
  maxLength: PASSWORD_MAX,
  description:
    'At least 10 characters, not a common password, not the e-mail address or name. A broken rule answers ' +
    '400 PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_TOO_COMMON or PASSWORD_LIKE_IDENTITY',
};

export class LoginDto {
  @ApiProperty({ example: 'staff@demo.frirom.no' })
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'demo-staff' })
  @IsString()
  @MaxLength(PASSWORD_INPUT_MAX)
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

  @ApiProperty(PASSWORD_DOC)
  @IsString()
  @MaxLength(PASSWORD_INPUT_MAX)
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

  @ApiPropertyOptional({
    description: 'false deactivates the user: every token and session ends at once, sign-in is refused',
  })
  @Optional()
  @IsBoolean()
  active?: boolean;

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
  @ApiProperty({ description: 'Whether the user followed the confirmation link mailed at registration' })
  emailConfirmed!: boolean;
  @ApiProperty({ description: 'false: deactivated, cannot sign in' }) active!: boolean;

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

/** POST /auth/session: the browser's session is in the cookie, so the answer carries only the user. */
export class SessionAnswer {
  @ApiProperty({ type: MeView }) user!: MeView;
  @ApiProperty({ description: 'When the session ends (ISO 8601)' }) expiresAt!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(PASSWORD_INPUT_MAX)
  currentPassword!: string;

  @ApiProperty(PASSWORD_DOC)
  @IsString()
  @MaxLength(PASSWORD_INPUT_MAX)
  newPassword!: string;
}

export class PasswordResetDto {
  @ApiProperty({ example: 'leder@ask-il.no' })
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({ description: 'The token from the mailed link' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token!: string;

  @ApiProperty(PASSWORD_DOC)
  @IsString()
  @MaxLength(PASSWORD_INPUT_MAX)
  password!: string;
}

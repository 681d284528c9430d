import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { NormalizeEmail } from '../../common/http/transforms';

export class InviteDto {
  @ApiProperty({ example: 'kasserer@asil.no', description: 'Where the invitation link is mailed' })
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({
    default: false,
    description:
      'Staff only: hand the organisation over. On acceptance the invitee becomes its only contact (the others are removed)',
  })
  @IsOptional()
  @IsBoolean()
  handOver?: boolean;
}

export class AcceptInvitationDto {
  @ApiProperty({ description: 'The token from the mailed link (…/invitasjon?token=…)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token!: string;
}

export class InvitationAccepted {
  @ApiProperty({ format: 'uuid', description: 'The organisation you are now a contact of' })
  organisationId!: string;
}

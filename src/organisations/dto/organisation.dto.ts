import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ORGANISATION_KINDS, OrganisationKind } from '../../core/domain';
import { PageQuery } from '../../common/http/pagination';
import { NormalizeEmail, Optional, Trim } from '../../common/http/transforms';
import type { RegisterStatus } from '../organisation.entity';

export const REGISTER_STATUSES: RegisterStatus[] = ['unchecked', 'checked'];

/**
 * What an applicant says about the organisation. Name, kind, Frivillighetsregisteret and municipality
 * are claims: when Enhetsregisteret answers, its facts are stored and a claim it contradicts is refused;
 * when it cannot be reached, the claims are stored (name, kind and the flag are then required).
 */
class OrganisationFields {
  @ApiPropertyOptional({
    example: 'Ås IL',
    description: "Claim; the register's name is stored (in this spelling when they differ only in case)",
  })
  @Optional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    enum: ORGANISATION_KINDS,
    description: "Claim; left out, the kind suggested by the register's organisation form",
  })
  @Optional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;

  @ApiPropertyOptional({
    description: "Claim: registered in Frivillighetsregisteret (the register's flag is stored)",
  })
  @Optional()
  @IsBoolean()
  inFrivillighetsregisteret?: boolean;

  @ApiPropertyOptional({
    example: '3218',
    nullable: true,
    type: String,
    description: "Claim: home municipality number (the register's business or postal address is stored)",
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}$/, { message: 'municipalityNumber must be 4 digits' })
  municipalityNumber?: string | null;

  @ApiProperty({ example: 'post@asil.no', description: "The organisation's address for mail from frirom" })
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({ example: '+4764000000', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 ]{5,20}$/, { message: 'phone must be a phone number' })
  phone?: string | null;

  @ApiPropertyOptional({ example: 'https://asil.no', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  website?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ minimum: 0, nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  membersTotal?: number | null;

  @ApiPropertyOptional({
    minimum: 0,
    nullable: true,
    type: Number,
    description: 'Members under 25; at most membersTotal',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  membersUnder25?: number | null;
}

export class CreateOrganisationDto extends OrganisationFields {
  @ApiProperty({ example: '974760673', description: '9 digits with a valid MOD11 check digit' })
  @IsString()
  @MaxLength(20)
  orgNumber!: string;
}

export class UpdateOrganisationDto {
  @ApiPropertyOptional() @Optional() @Trim() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ enum: ORGANISATION_KINDS })
  @Optional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;
  @ApiPropertyOptional() @Optional() @IsBoolean() inFrivillighetsregisteret?: boolean;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}$/, { message: 'municipalityNumber must be 4 digits' })
  municipalityNumber?: string | null;

  @ApiPropertyOptional() @Optional() @NormalizeEmail() @IsEmail() @MaxLength(254) email?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 ]{5,20}$/, { message: 'phone must be a phone number' })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  website?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  membersTotal?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  membersUnder25?: number | null;
}

export class ContactView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ description: 'Whether the contact has confirmed the e-mail address (staff check it)' })
  emailConfirmed!: boolean;
}

export class PendingInvitationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The address as it was typed; nothing about any account it may have' })
  email!: string;
  @ApiProperty({ format: 'date-time' }) invitedAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class FieldChangeView {
  @ApiProperty({
    oneOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }],
    description: 'The value before (null when it was empty)',
  })
  from!: unknown;
  @ApiProperty({
    oneOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }],
    description: 'The value after (null when it was empty)',
  })
  to!: unknown;
}

/** An organisation by name only (GET /organisations/names), for pickers and filters. */
export class OrganisationNameView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class OrganisationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() orgNumber!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind!: OrganisationKind;
  @ApiProperty() inFrivillighetsregisteret!: boolean;
  @ApiProperty({ nullable: true, type: String }) municipalityNumber!: string | null;
  @ApiProperty({ description: 'Whether the municipality is the home municipality' }) local!: boolean;
  @ApiProperty() email!: string;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) website!: string | null;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ nullable: true, type: Number }) membersTotal!: number | null;
  @ApiProperty({ nullable: true, type: Number }) membersUnder25!: number | null;
  @ApiProperty({ enum: ['pending', 'verified'] }) status!: 'pending' | 'verified';
  @ApiProperty({
    enum: REGISTER_STATUSES,
    description:
      'checked: name, municipality and Frivillighetsregisteret come from Enhetsregisteret; unchecked: stored as ' +
      'claimed while the register could not be reached (the worker checks it later)',
  })
  registerStatus!: RegisterStatus;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'Last check against the register',
  })
  registerCheckedAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'When staff verified it; null while pending (also after a change sent it back)',
  })
  verifiedAt!: string | null;
  @ApiProperty({ type: [ContactView] }) contacts!: ContactView[];
  @ApiProperty({ type: [PendingInvitationView], description: 'Invitations not yet accepted nor expired' })
  invitations!: PendingInvitationView[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/FieldChangeView' },
    description:
      'Staff only: each field changed since staff last verified it (or since it was registered), value then → now',
  })
  changesSinceVerification?: Record<string, FieldChangeView>;
}

export class OrganisationEventView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['updated', 'verified', 'contact_joined', 'contact_left', 'handed_over'] })
  kind!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'Null once the account is deleted',
  })
  actorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) actorName!: string | null;
  @ApiProperty({ description: 'Done by staff (who keep it verified)' }) byStaff!: boolean;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/FieldChangeView' },
    description: 'updated: field → {from, to}',
  })
  changes!: Record<string, FieldChangeView>;
  @ApiProperty({ description: 'updated: the change sent a verified organisation back to pending' })
  unverified!: boolean;
}

export class OrganisationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['pending', 'verified'] })
  @IsOptional()
  @IsIn(['pending', 'verified'])
  status?: 'pending' | 'verified';

  @ApiPropertyOptional({ enum: ORGANISATION_KINDS })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;

  @ApiPropertyOptional({
    enum: REGISTER_STATUSES,
    description: 'unchecked: not yet checked against the register',
  })
  @IsOptional()
  @IsIn(REGISTER_STATUSES)
  registerStatus?: RegisterStatus;
}

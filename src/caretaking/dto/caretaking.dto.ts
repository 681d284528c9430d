import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { DateField, InstantField, NotBefore } from '../../common/http/field-types';
import { Optional, Trim } from '../../common/http/transforms';

export const ACCESS_METHODS = ['key', 'key_card', 'door_code', 'caretaker_present', 'unlocked'] as const;
export type AccessMethod = (typeof ACCESS_METHODS)[number];

export class CaretakerOccurrencesQuery {
  @InstantField({ plainDate: true, description: 'From this instant' })
  from!: Date;

  @InstantField({ plainDate: true, description: 'Until this instant (at most 62 days after from)' })
  @NotBefore('from')
  to!: Date;

  @ApiPropertyOptional({ format: 'uuid', description: 'One of your buildings (staff: any)' })
  @IsOptional()
  @IsUUID()
  buildingId?: string;
}

/** Access arranged: method and instructions; or declined with a reason. */
export class AccessDto {
  @ApiPropertyOptional({ enum: ACCESS_METHODS, description: 'Required unless declined' })
  @ValidateIf((o: AccessDto) => o.declined !== true)
  @IsIn(ACCESS_METHODS)
  method?: AccessMethod;

  @ApiPropertyOptional({ example: 'Nøkkel hentes hos vaktmester i resepsjonen, torsdager 15–16' })
  @Optional()
  @IsString()
  @MaxLength(2000)
  instructions?: string;

  @DateField({ optional: true, nullable: true, description: 'Access valid from this date' })
  validFrom?: string;

  @DateField({ optional: true, nullable: true, description: 'Access valid until this date' })
  @NotBefore('validFrom')
  validTo?: string;

  @ApiPropertyOptional({ description: 'true: access cannot be given (staff are told)' })
  @Optional()
  @IsBoolean()
  declined?: boolean;

  @ApiPropertyOptional({ description: 'Required when declined' })
  @ValidateIf((o: AccessDto) => o.declined === true)
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;
}

export class KeyHandoverDto {
  @ApiProperty({ example: 'Kari Nordmann', description: 'Who got the key' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  handedTo!: string;

  @InstantField({ optional: true, nullable: true, description: 'Default now' })
  handedAt?: Date;
}

export class KeyReturnDto {
  @InstantField({ optional: true, nullable: true, description: 'Default now' })
  returnedAt?: Date;
}

export class AttendanceDto {
  @ApiProperty({ enum: ['used', 'no_show'] })
  @IsIn(['used', 'no_show'])
  status!: 'used' | 'no_show';

  @ApiPropertyOptional({ minimum: 0, description: 'How many came' })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  participants?: number;

  @ApiPropertyOptional({ description: 'Required to correct what was recorded before' })
  @Optional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;
}

export class CaretakerContactView {
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
}

export class AccessView {
  @ApiProperty({ enum: ['pending', 'confirmed', 'declined'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) method!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Instructions, or why declined' }) note!:
    string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) validFrom!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) validTo!: string | null;
}

export class CaretakerOccurrenceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ format: 'uuid' }) roomId!: string;
  @ApiProperty() roomName!: string;
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
  @ApiProperty() buildingName!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ type: CaretakerContactView, description: "The organisation's contact, for the caretaker" })
  contact!: CaretakerContactView;
  @ApiProperty() expectedParticipants!: number;
  @ApiProperty({ type: AccessView }) access!: AccessView;
  @ApiProperty({ nullable: true, enum: ['used', 'no_show'] }) attendance!: string | null;
  @ApiProperty({ nullable: true, type: Number }) participants!: number | null;
}

export class CaretakerOccurrencePage {
  @ApiProperty({ type: [CaretakerOccurrenceView] }) items!: CaretakerOccurrenceView[];
  @ApiProperty() total!: number;
}

export class KeyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty() handedTo!: string;
  @ApiProperty({ format: 'date-time' }) handedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) returnedAt!: string | null;
}

export class KeyPage {
  @ApiProperty({ type: [KeyView] }) items!: KeyView[];
  @ApiProperty() total!: number;
}

export class AttendanceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['used', 'no_show'] }) attendance!: string;
  @ApiProperty({ nullable: true, type: Number }) participants!: number | null;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

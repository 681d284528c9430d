import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { AGE_GROUPS, AgeGroup } from '../../core/domain';
import { InstantField, NotBefore } from '../../common/http/field-types';
import { Optional, Trim } from '../../common/http/transforms';
import { ExpectedVersionField } from './expected-version';

export class RecurrenceDto {
  @ApiProperty({
    example: 'FREQ=WEEKLY;UNTIL=20280601T000000Z',
    description:
      'RFC 5545 RRULE: FREQ DAILY/WEEKLY/MONTHLY, INTERVAL, BYDAY (also 2TU, -1FR), BYMONTHDAY, COUNT or UNTIL. ' +
      'DTSTART is startsAt in Europe/Oslo; at most 500 occurrences within 2 years.',
  })
  @IsString()
  @MaxLength(500)
  rrule!: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['2027-10-05', '2027-10-12T18:00'],
    description: 'Dates (YYYY-MM-DD) or start instants to leave out',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  exdates?: string[];
}

export class CreateBookingRequestDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organisationId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  roomId!: string;

  @ApiProperty({ example: 'Håndballtrening J12' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  purpose?: string | null;

  @ApiProperty({
    enum: AGE_GROUPS,
    description: 'children (to 12), youth (13–19), adults, seniors, all_ages',
  })
  @IsIn(AGE_GROUPS)
  ageGroup!: AgeGroup;

  @ApiProperty({ minimum: 1, example: 20 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  expectedParticipants!: number;

  @InstantField({ example: '2027-09-07T18:00', description: 'Start of the (first) occurrence' })
  startsAt!: Date;

  @InstantField({ example: '2027-09-07T19:30', description: 'End of the (first) occurrence' })
  @NotBefore('startsAt')
  endsAt!: Date;

  @ApiPropertyOptional({ type: RecurrenceDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => RecurrenceDto)
  recurrence?: RecurrenceDto;

  @ApiPropertyOptional({ default: false, description: 'The activity charges entrance' })
  @Optional()
  @IsBoolean()
  chargesEntranceFee?: boolean;
}

export class OccurrenceIdsDto {
  @ApiPropertyOptional({ type: [String], description: 'Default: all that apply' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  occurrenceIds?: string[];
}

export class ApproveDto extends OccurrenceIdsDto {
  @ExpectedVersionField()
  expectedVersion?: number;

  @ApiPropertyOptional({ example: 'Godkjent for høstsesongen' })
  @Optional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class RejectDto extends OccurrenceIdsDto {
  @ExpectedVersionField()
  expectedVersion?: number;

  @ApiProperty({ example: 'Salen er tildelt en annen forening' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

export class ReasonDto {
  @ApiProperty({ example: 'Treningen er avlyst' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

/** A re-price: the reason, and the version of the request the staff member saw. */
export class RepriceDto extends ReasonDto {
  @ExpectedVersionField()
  expectedVersion?: number;
}

export class OptionalReasonDto {
  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class MoveDto {
  @ExpectedVersionField()
  expectedVersion?: number;

  @InstantField({ example: '2027-09-08T18:00' })
  startsAt!: Date;

  @InstantField({ example: '2027-09-08T19:30' })
  @NotBefore('startsAt')
  endsAt!: Date;

  @ApiPropertyOptional({ format: 'uuid', description: 'Another room; default the same' })
  @Optional()
  @IsUUID()
  roomId?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

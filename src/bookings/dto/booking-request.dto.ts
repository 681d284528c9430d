import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
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
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { AGE_GROUPS, AgeGroup } from '../../core/domain';
import { SeasonPreferenceDto } from '../../seasons/dto/preference.dto';
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

/** Whether a body is a season application (it names a season) rather than a booking of a time. */
const isApplication = (o: object): boolean => (o as { seasonId?: unknown }).seasonId !== undefined;

/**
 * A field of one form of the body: validated when the body is of that form (then required unless
 * `optional`) or when it is given at all; given in a body of the other form, it is refused (400).
 */
const FormField = (form: 'single' | 'season', optional = false): PropertyDecorator =>
  applyDecorators(
    ValidateIf(
      (o: object, v: unknown) => v !== undefined || (!optional && isApplication(o) === (form === 'season')),
    ),
    ValidateBy({
      name: 'bookingRequestForm',
      validator: {
        validate: (_value, args) => isApplication(args!.object) === (form === 'season'),
        defaultMessage: (args) =>
          form === 'single'
            ? `${args?.property ?? 'field'} cannot be combined with seasonId: a season application gives preferences`
            : `${args?.property ?? 'field'} belongs to a season application and needs seasonId`,
      },
    }),
  );

/**
 * The body of POST /booking-requests: a booking of a time (roomId, startsAt, endsAt, recurrence?) or,
 * with seasonId, a season application (preferences, sessionsPerWeek?). The two forms do not mix.
 */
export class CreateBookingRequestOrApplicationDto extends OmitType(CreateBookingRequestDto, [
  'roomId',
  'startsAt',
  'endsAt',
  'recurrence',
] as const) {
  @ApiPropertyOptional({ format: 'uuid', description: 'Required unless seasonId is given' })
  @FormField('single')
  @IsUUID()
  roomId?: string;

  @ApiPropertyOptional({ description: 'Required unless seasonId is given' })
  @FormField('single')
  @InstantField({ example: '2027-09-07T18:00', description: 'Start of the (first) occurrence' })
  startsAt?: Date;

  @ApiPropertyOptional({ description: 'Required unless seasonId is given' })
  @FormField('single')
  @InstantField({ example: '2027-09-07T19:30', description: 'End of the (first) occurrence' })
  @NotBefore('startsAt')
  endsAt?: Date;

  @ApiPropertyOptional({ type: RecurrenceDto })
  @FormField('single', true)
  @IsObject()
  @ValidateNested()
  @Type(() => RecurrenceDto)
  recurrence?: RecurrenceDto;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Apply in this season: give preferences and sessionsPerWeek instead of a time',
  })
  @Optional()
  @IsUUID()
  seasonId?: string;

  @ApiPropertyOptional({
    type: [SeasonPreferenceDto],
    description: 'With seasonId: 1 to 10 weekly alternatives, first = most wanted',
  })
  @FormField('season')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => SeasonPreferenceDto)
  preferences?: SeasonPreferenceDto[];

  @ApiPropertyOptional({ minimum: 1, maximum: 7, default: 1, description: 'With seasonId: sessions a week' })
  @FormField('season', true)
  @IsInt()
  @Min(1)
  @Max(7)
  sessionsPerWeek?: number;
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

import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsObject,
  IsUUID,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { InstantField, NotBefore } from '../../common/http/field-types';
import { Optional } from '../../common/http/transforms';
import { CreateBookingRequestDto, RecurrenceDto } from '../../bookings/dto/booking-request.dto';
import { SeasonPreferenceDto } from '../../seasons/dto/preference.dto';

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

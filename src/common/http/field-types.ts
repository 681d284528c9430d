import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDate, IsOptional, ValidateBy } from 'class-validator';
import { isValidDate, parseClock, parseInstant } from '../time';

interface FieldOptions {
  optional?: boolean;
  description?: string;
  example?: string;
}

const doc = (options: FieldOptions, schema: Record<string, unknown>): PropertyDecorator =>
  options.optional
    ? ApiPropertyOptional({ ...schema, description: options.description, example: options.example })
    : ApiProperty({ ...schema, description: options.description, example: options.example });

/**
 * What an input instant looks like: a date and wall-clock time, optionally seconds and an offset.
 * Documented as a pattern, not `format: date-time`, which demands an offset.
 */
export const INSTANT_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?$';

/**
 * An instant: ISO 8601 with an offset, or without one meaning Europe/Oslo wall time. Arrives in the DTO
 * as a Date; a time that does not exist in Oslo (the skipped hour in March) is refused.
 */
export const InstantField = (options: FieldOptions = {}): PropertyDecorator =>
  applyDecorators(
    doc(options, {
      type: String,
      pattern: INSTANT_PATTERN,
      example: options.example ?? '2027-09-07T18:00:00+02:00',
    }),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? (parseInstant(value) ?? value) : value,
    ),
    IsDate({ message: ({ property }) => `${property} must be an ISO 8601 date-time, e.g. 2027-09-07T18:00` }),
    ...(options.optional ? [IsOptional()] : []),
  );

/** A local date 'YYYY-MM-DD'. */
export const DateField = (options: FieldOptions = {}): PropertyDecorator =>
  applyDecorators(
    doc(options, { type: String, format: 'date', example: options.example ?? '2027-09-07' }),
    ValidateBy({
      name: 'isLocalDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidDate(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a date YYYY-MM-DD`,
      },
    }),
    ...(options.optional ? [IsOptional()] : []),
  );

/** A wall-clock time 'HH:MM' (24:00 allowed as the end of a day). */
export const ClockField = (options: FieldOptions = {}): PropertyDecorator =>
  applyDecorators(
    doc(options, {
      type: String,
      pattern: '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$',
      example: options.example ?? '17:00',
    }),
    ValidateBy({
      name: 'isClock',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseClock(value) !== null,
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a time HH:MM`,
      },
    }),
    ...(options.optional ? [IsOptional()] : []),
  );

import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, ValidateBy, ValidationArguments } from 'class-validator';
import { dateProblem, parseClock, readInstant, SUPPORTED_YEARS } from '../time';
import { DomainError } from '../errors/domain-error';
import { fieldMessage } from '../errors/messages';
import { Optional } from './transforms';

/**
 * The one place that says which dates and instants the API accepts: every date and instant field of every
 * body and query is declared with these decorators. A refused value answers VALIDATION_FAILED with the
 * reason (`invalid_date`, `invalid_instant`, `nonexistent_local_time`, `date_out_of_range`,
 * `reversed_range`) as the constraint name, so `details[].code` says which.
 */
interface FieldOptions {
  optional?: boolean;
  /** With optional: null is a meaningful value (e.g. an open end); otherwise null is refused. */
  nullable?: boolean;
  description?: string;
  example?: string;
}

interface InstantOptions extends FieldOptions {
  /** A plain date 'YYYY-MM-DD' means the start of that day in Europe/Oslo (query parameters). */
  plainDate?: boolean;
}

const doc = (options: FieldOptions, schema: Record<string, unknown>): PropertyDecorator =>
  options.optional
    ? ApiPropertyOptional({ ...schema, description: options.description, example: options.example })
    : ApiProperty({ ...schema, description: options.description, example: options.example });

const optionality = (options: FieldOptions): PropertyDecorator[] =>
  !options.optional ? [] : options.nullable ? [IsOptional()] : [Optional()];

/**
 * A validator that fails exactly when `problem` finds its own reason, named after it; its English text is
 * the catalogue's (FIELD_MESSAGES[reason]), `args` its arguments `{0}`, `{1}` in either language.
 */
const Reason = (
  reason: string,
  fails: (value: unknown, args: ValidationArguments) => boolean,
  args: (string | number)[] = [],
): PropertyDecorator =>
  ValidateBy({
    name: reason,
    constraints: args,
    validator: {
      validate: (value, a) => !fails(value, a!),
      defaultMessage: (a) =>
        fieldMessage('en', reason, {
          field: a!.property,
          value: String(a!.value),
          ...Object.fromEntries(args.map((arg, i) => [String(i), arg])),
        }),
    },
  });

const YEARS = [SUPPORTED_YEARS.first, SUPPORTED_YEARS.last];

/**
 * What an input instant looks like: a date and wall-clock time, optionally seconds and an offset.
 * Documented as a pattern, not `format: date-time`, which demands an offset.
 */
export const INSTANT_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?$';

/** The same, where a plain date YYYY-MM-DD (the start of that day in Oslo) is accepted too. */
export const INSTANT_OR_DATE_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?)?$';

/**
 * An instant: ISO 8601 with an offset, or without one meaning Europe/Oslo wall time. Arrives in the DTO
 * as a Date. A time that does not exist in Oslo (the skipped hour in March) is refused as such.
 */
export const InstantField = (options: InstantOptions = {}): PropertyDecorator => {
  const reading = { plainDate: options.plainDate };
  const problem = (value: unknown): string | null => {
    if (value instanceof Date) return null;
    if (typeof value !== 'string') return 'invalid_instant';
    const read = readInstant(value, reading);
    return 'problem' in read ? read.problem : null;
  };
  const note = 'a plain date YYYY-MM-DD means the start of that day in Europe/Oslo';
  const description = options.plainDate
    ? [options.description, note].filter(Boolean).join('; ')
    : options.description;
  return applyDecorators(
    doc(
      { ...options, description },
      {
        type: String,
        pattern: options.plainDate ? INSTANT_OR_DATE_PATTERN : INSTANT_PATTERN,
        example: options.example ?? '2027-09-07T18:00:00+02:00',
      },
    ),
    Transform(({ value }: { value: unknown }) => {
      if (typeof value !== 'string') return value;
      const read = readInstant(value, reading);
      return 'instant' in read ? read.instant : value;
    }),
    Reason('invalid_instant', (v) => problem(v) === 'invalid_instant', [
      options.plainDate ? '2027-09-07, 2027-09-07T18:00' : '2027-09-07T18:00',
    ]),
    Reason('nonexistent_local_time', (v) => problem(v) === 'nonexistent_local_time'),
    Reason('date_out_of_range', (v) => problem(v) === 'date_out_of_range', YEARS),
    ...optionality(options),
  );
};

/** A local date 'YYYY-MM-DD' that exists, in the supported years. */
export const DateField = (options: FieldOptions = {}): PropertyDecorator =>
  applyDecorators(
    doc(options, { type: String, format: 'date', example: options.example ?? '2027-09-07' }),
    Reason('invalid_date', (v) => dateProblem(v) === 'invalid_date'),
    Reason('date_out_of_range', (v) => dateProblem(v) === 'date_out_of_range', YEARS),
    ...optionality(options),
  );

/**
 * The end of a range must not be before its start (`startField`); checked only when both are valid, so a
 * bad start is reported once, at the start. Works for dates (strings) and instants (Dates).
 */
export const NotBefore = (startField: string): PropertyDecorator =>
  Reason(
    'reversed_range',
    (end, args) => {
      const start = (args.object as Record<string, unknown>)[startField];
      if (end instanceof Date && start instanceof Date) return end < start;
      if (typeof end === 'string' && typeof start === 'string')
        return dateProblem(end) === null && dateProblem(start) === null && end < start;
      return false;
    },
    [startField],
  );

/** The same refusal, for a service that fills in a default start (e.g. now) and only then sees the range. */
export function reversedRange(field: string, startField: string): DomainError {
  const params = { 0: startField };
  const message = fieldMessage('en', 'reversed_range', { field, ...params });
  return new DomainError('VALIDATION_FAILED', message, undefined, {
    fields: [{ field, code: 'reversed_range', params, en: message }],
  });
}

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

import { DateTime } from 'luxon';
import { DomainError } from '../common/errors/domain-error';

/** The longest period statistics take at once, counted by dates: 2026-01-01 to 2028-12-31 at most. */
export const MAX_YEARS = 3;

/** Refuses a period that ends before it starts, or spans more than MAX_YEARS. */
export function checkPeriod(from: string, to: string, what = 'the period'): void {
  if (to < from) throw new DomainError('INVALID_TIME_RANGE', `${what}: to must not be before from`);
  const last = DateTime.fromISO(from, { zone: 'utc' })
    .plus({ years: MAX_YEARS })
    .minus({ days: 1 })
    .toISODate()!;
  if (to > last)
    throw new DomainError(
      'INVALID_TIME_RANGE',
      `${what}: at most ${MAX_YEARS} years at a time, from ${from} to ${last} at most`,
    );
}

/** Days from `from` to `to`, inclusive. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

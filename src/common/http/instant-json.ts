import { formatInstant } from '../time';

/**
 * The one serialisation point for instants: every JSON answer, error details included, goes through
 * Express's res.json, which hands this replacer each value. JSON.stringify has already called
 * Date#toJSON (UTC) on a Date by then, but the holder still has the Date itself, so it is written with
 * the Europe/Oslo offset instead: 2027-09-07T18:00:00+02:00.
 */
export function osloInstantReplacer(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown> | null)?.[key];
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : formatInstant(raw);
  return value;
}

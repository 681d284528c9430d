import { DateTime } from 'luxon';

/**
 * Europe/Oslo wall-clock time: every conversion between instants and local dates, weekdays and clock
 * times goes through here. Instants are `Date`s (stored as timestamptz); local dates are 'YYYY-MM-DD';
 * clock times are 'HH:MM' or minutes since local midnight.
 */
export const OSLO = 'Europe/Oslo';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const HOUR_MS = 3_600_000;

/** The Oslo UTC offset in ms for an instant, cached per UTC hour (offsets only change on the hour). */
const offsetCache = new Map<number, number>();
export function osloOffsetMs(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetCache.get(hour);
  if (offset === undefined) {
    offset = DateTime.fromMillis(hour * HOUR_MS, { zone: OSLO }).offset * 60_000;
    if (offsetCache.size > 500_000) offsetCache.clear();
    offsetCache.set(hour, offset);
  }
  return offset;
}

/** Local calendar fields of an instant in Oslo. Fast: no DateTime object per call. */
export interface OsloParts {
  date: string;
  /** ISO weekday, Monday 1 … Sunday 7. */
  weekday: number;
  /** Minutes since local midnight. */
  minute: number;
  year: number;
  month: number;
  day: number;
  hour: number;
}

export function osloParts(instant: Date): OsloParts {
  const local = new Date(instant.getTime() + osloOffsetMs(instant.getTime()));
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  const day = local.getUTCDate();
  const hour = local.getUTCHours();
  return {
    date: `${year}-${pad(month)}-${pad(day)}`,
    weekday: local.getUTCDay() === 0 ? 7 : local.getUTCDay(),
    minute: hour * 60 + local.getUTCMinutes(),
    year,
    month,
    day,
    hour,
  };
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * The instant at a wall-clock time in Oslo, or null when that time does not exist (the hour skipped in
 * March). A time that occurs twice (October) is the first of the two, as RFC 5545 reads it.
 */
export function osloWallToInstant(date: string, minuteOfDay: number, seconds = 0): Date | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const naive =
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + minuteOfDay * 60_000 + seconds * 1000;
  let best: number | null = null;
  for (const offsetHours of [2, 1]) {
    const candidate = naive - offsetHours * HOUR_MS;
    if (candidate + osloOffsetMs(candidate) === naive && (best === null || candidate < best))
      best = candidate;
  }
  return best === null ? null : new Date(best);
}

/** Parses an instant: ISO 8601 with an offset, or without one meaning Oslo wall time. Null if invalid. */
export function parseInstant(text: string): Date | null {
  const read = readInstant(text);
  return 'instant' in read ? read.instant : null;
}

/**
 * The years frirom accepts in every date and instant it is given. Outside them nothing in the service is
 * meaningful (no holidays, no prices, no bookings), and far years break luxon and PostgreSQL ranges.
 */
export const SUPPORTED_YEARS = { first: 2000, last: 2100 } as const;

/** Why a text is not a date or instant frirom accepts; the names are stable and answered to clients. */
export type DateProblem = 'invalid_date' | 'date_out_of_range';
export type InstantProblem = 'invalid_instant' | 'nonexistent_local_time' | 'date_out_of_range';

const inSupportedYears = (year: number): boolean =>
  year >= SUPPORTED_YEARS.first && year <= SUPPORTED_YEARS.last;

/** A calendar date 'YYYY-MM-DD' that exists and lies in the supported years. */
export function isSupportedDate(text: string): boolean {
  return dateProblem(text) === null;
}

export function dateProblem(value: unknown): DateProblem | null {
  if (typeof value !== 'string' || !isValidDate(value)) return 'invalid_date';
  return inSupportedYears(Number(value.slice(0, 4))) ? null : 'date_out_of_range';
}

/** An instant whose Oslo date lies in the supported years. */
export const isSupportedInstant = (instant: Date): boolean =>
  !Number.isNaN(instant.getTime()) && inSupportedYears(osloParts(instant).year);

export interface InstantReading {
  /** A plain date 'YYYY-MM-DD' is read as the start of that day in Oslo (for queries that ask for a moment). */
  plainDate?: boolean;
}

/**
 * Reads an instant the way every API field does: ISO 8601 with an offset, or without one meaning Oslo wall
 * time (a time in the October repeated hour is the first, summer-time one). Says why when it cannot.
 */
export function readInstant(
  text: string,
  options: InstantReading = {},
): { instant: Date } | { problem: InstantProblem } {
  let instant: Date | null;
  if (WITH_OFFSET.test(text)) {
    const dt = DateTime.fromISO(text, { setZone: true });
    instant = dt.isValid ? dt.toJSDate() : null;
  } else if (options.plainDate && DATE.test(text)) {
    if (!isValidDate(text)) return { problem: 'invalid_instant' };
    if (!inSupportedYears(Number(text.slice(0, 4)))) return { problem: 'date_out_of_range' };
    instant = osloWallToInstant(text, 0);
  } else {
    const m = LOCAL.exec(text);
    if (!m) return { problem: 'invalid_instant' };
    const date = `${m[1]}-${m[2]}-${m[3]}`;
    const hour = Number(m[4]);
    const minute = Number(m[5]);
    if (!isValidDate(date) || hour > 23 || minute > 59) return { problem: 'invalid_instant' };
    if (!inSupportedYears(Number(m[1]))) return { problem: 'date_out_of_range' };
    instant = osloWallToInstant(date, hour * 60 + minute, Number(m[6] ?? 0));
    if (!instant) return { problem: 'nonexistent_local_time' };
  }
  if (!instant) return { problem: 'invalid_instant' };
  return isSupportedInstant(instant) ? { instant } : { problem: 'date_out_of_range' };
}

/** ISO 8601 with the Oslo offset, to the second: 2027-03-30T18:00:00+02:00. */
export function formatInstant(instant: Date): string {
  const offset = osloOffsetMs(instant.getTime());
  const local = new Date(instant.getTime() + offset);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset) / 60_000;
  return `${local.toISOString().slice(0, 19)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function isValidDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() + 1 === Number(m[2]) &&
    d.getUTCDate() === Number(m[3])
  );
}

/** 'HH:MM' → minutes since midnight, or null. '24:00' is allowed as the end of a day. */
export function parseClock(text: string): number | null {
  if (text === '24:00') return 24 * 60;
  const m = CLOCK.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export function formatClock(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** A local date plus n days. */
export function addDays(date: string, days: number): string {
  const m = DATE.exec(date);
  if (!m) throw new Error(`Not a date: ${date}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return d.toISOString().slice(0, 10);
}

/** ISO weekday of a local date, Monday 1 … Sunday 7. */
export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The instants a local Oslo day starts and ends (23 or 25 hours apart on the days the clocks change). */
export function osloDayBounds(date: string): { start: Date; end: Date } {
  return { start: osloWallToInstant(date, 0)!, end: osloWallToInstant(addDays(date, 1), 0)! };
}

/** The local dates an instant range touches, first to last. */
export function osloDatesBetween(start: Date, end: Date): string[] {
  const first = osloParts(start).date;
  const last = osloParts(new Date(end.getTime() - 1)).date;
  const dates: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** The instant n calendar months after another, on the Oslo calendar (the wall time is kept). */
export const osloPlusMonths = (instant: Date, months: number): Date =>
  DateTime.fromJSDate(instant, { zone: OSLO }).plus({ months }).toJSDate();

/** Today's date in Oslo. */
export const osloToday = (now: Date = new Date()): string => osloParts(now).date;

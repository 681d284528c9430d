import { Frequency, RRule } from 'rrule';
import { osloParts, osloWallToInstant, parseInstant } from '../../common/time';

/**
 * Recurring bookings: an RFC 5545 RRULE with DTSTART = the first start in Europe/Oslo, expanded with the
 * `rrule` package. The rule is expanded in Oslo wall-clock time ("floating" dates whose UTC fields are
 * the wall clock) and each date is then placed in Oslo, so a weekly 18:00 stays 18:00 local across the
 * last Sundays of March and October.
 */
export const MAX_OCCURRENCES = 500;
export const MAX_SPAN_DAYS = 2 * 365 + 1;

export type RecurrenceProblem =
  { code: 'INVALID_RRULE'; message: string } | { code: 'TOO_MANY_OCCURRENCES'; message: string };

export interface OccurrenceTime {
  startsAt: Date;
  endsAt: Date;
}

export interface Recurrence {
  rrule: string;
  /** Instants (with or without offset; without means Oslo wall time) or local dates 'YYYY-MM-DD'. */
  exdates?: string[];
}

const ALLOWED: Record<string, RegExp> = {
  FREQ: /^(DAILY|WEEKLY|MONTHLY)$/,
  INTERVAL: /^[1-9]\d{0,2}$/,
  COUNT: /^[1-9]\d{0,3}$/,
  UNTIL: /^\d{8}(T\d{6}Z?)?$/,
  BYDAY: /^([+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU))(,[+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU))*$/,
  BYMONTHDAY: /^-?([1-9]|[12]\d|3[01])(,-?([1-9]|[12]\d|3[01]))*$/,
  WKST: /^(MO|TU|WE|TH|FR|SA|SU)$/,
};

const invalid = (message: string): RecurrenceProblem => ({ code: 'INVALID_RRULE', message });

/** Checks the rule's grammar strictly (the rrule package is lenient) and returns its parts. */
function parseRule(text: string): Map<string, string> | RecurrenceProblem {
  const body = text.trim().replace(/^RRULE:/i, '');
  if (body.length === 0 || body.length > 500)
    return invalid('rrule must be an RFC 5545 RRULE, e.g. FREQ=WEEKLY;COUNT=10');
  const parts = new Map<string, string>();
  for (const part of body.split(';')) {
    const [key, value, ...rest] = part.split('=');
    if (!key || value === undefined || rest.length > 0) return invalid(`"${part}" is not KEY=VALUE`);
    const name = key.toUpperCase();
    const pattern = ALLOWED[name];
    if (!pattern)
      return invalid(`${name} is not supported (use FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL)`);
    if (parts.has(name)) return invalid(`${name} appears twice`);
    if (!pattern.test(value.toUpperCase())) return invalid(`${name}=${value} is not valid`);
    parts.set(name, value.toUpperCase());
  }
  if (!parts.has('FREQ')) return invalid('FREQ is required (DAILY, WEEKLY or MONTHLY)');
  if (parts.has('COUNT') && parts.has('UNTIL')) return invalid('COUNT and UNTIL cannot both be given');
  if (parts.get('FREQ') !== 'MONTHLY' && /\d/.test(parts.get('BYDAY') ?? '')) {
    return invalid('BYDAY with a number (2TU, -1FR) needs FREQ=MONTHLY');
  }
  return parts;
}

/** An instant as a floating date: a Date whose UTC fields are the Oslo wall clock. */
function floating(instant: Date): Date {
  const p = osloParts(instant);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute % 60, instant.getUTCSeconds()));
}

/** A floating date placed in Oslo; a wall time skipped when the clocks go forward moves an hour on. */
function fromFloating(f: Date): Date {
  const place = (d: Date): Date | null =>
    osloWallToInstant(
      d.toISOString().slice(0, 10),
      d.getUTCHours() * 60 + d.getUTCMinutes(),
      d.getUTCSeconds(),
    );
  return place(f) ?? new Date(place(new Date(f.getTime() - 3_600_000))!.getTime() + 3_600_000);
}

/** Reads UNTIL: a date-only UNTIL includes that whole local day; a UTC one is taken to Oslo wall time. */
function untilFloating(value: string): Date {
  const y = Number(value.slice(0, 4));
  const mo = Number(value.slice(4, 6)) - 1;
  const d = Number(value.slice(6, 8));
  if (value.length === 8) return new Date(Date.UTC(y, mo, d, 23, 59, 59));
  const [h, mi, s] = [Number(value.slice(9, 11)), Number(value.slice(11, 13)), Number(value.slice(13, 15))];
  const utc = new Date(Date.UTC(y, mo, d, h, mi, s));
  return value.endsWith('Z') ? floating(utc) : utc;
}

/**
 * The occurrences of a booking: just [startsAt, endsAt) without recurrence, else every date of the rule,
 * minus exdates, each keeping the first occurrence's wall-clock start and end.
 */
export function expandOccurrences(
  startsAt: Date,
  endsAt: Date,
  recurrence?: Recurrence | null,
): OccurrenceTime[] | RecurrenceProblem {
  if (!recurrence) return [{ startsAt, endsAt }];
  const parts = parseRule(recurrence.rrule);
  if (!(parts instanceof Map)) return parts;

  const start = floating(startsAt);
  const durationMinutes = Math.round((floating(endsAt).getTime() - start.getTime()) / 60_000);
  const until = parts.has('UNTIL') ? untilFloating(parts.get('UNTIL')!) : undefined;
  if (until && until < start) return invalid('UNTIL is before the first occurrence');
  const horizon = new Date(start.getTime() + MAX_SPAN_DAYS * 86_400_000);
  const body = [...parts]
    .filter(([k]) => k !== 'UNTIL')
    .map(([k, v]) => `${k}=${v}`)
    .join(';');

  let rule: RRule;
  try {
    rule = new RRule({ ...RRule.parseString(body), dtstart: start, until: until ?? null, tzid: null });
  } catch (error) {
    return invalid(`rrule cannot be read: ${(error as Error).message}`);
  }
  if (![Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY].includes(rule.options.freq)) {
    return invalid('FREQ must be DAILY, WEEKLY or MONTHLY');
  }
  const dates: Date[] = [];
  const bounded = rule.options.count !== null || until !== undefined;
  // Collects one date past either limit, so going over them shows.
  rule.all((date) => {
    dates.push(date);
    return dates.length <= MAX_OCCURRENCES && date <= horizon;
  });
  const tooMany = (): RecurrenceProblem => ({
    code: 'TOO_MANY_OCCURRENCES',
    message: `A request may have at most ${MAX_OCCURRENCES} occurrences within 2 years`,
  });
  if (!bounded || dates.length > MAX_OCCURRENCES || dates.some((d) => d > horizon)) return tooMany();
  if (dates.length === 0 || dates[0].getTime() !== start.getTime()) {
    return invalid('startsAt must be the first date of the rule (DTSTART has to match it)');
  }

  const excluded = exclusions(recurrence.exdates ?? []);
  if (!(excluded instanceof Set)) return excluded;
  const out: OccurrenceTime[] = [];
  for (const date of dates) {
    const s = fromFloating(date);
    const e = fromFloating(new Date(date.getTime() + durationMinutes * 60_000));
    if (excluded.has(String(s.getTime())) || excluded.has(date.toISOString().slice(0, 10))) continue;
    out.push({ startsAt: s, endsAt: e });
  }
  return out;
}

/** Exdates as instants (ms as text) and local dates, or a problem naming the one that cannot be read. */
function exclusions(exdates: string[]): Set<string> | RecurrenceProblem {
  const set = new Set<string>();
  for (const text of exdates) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(text) && parseInstant(`${text}T00:00`)) {
      set.add(text);
      continue;
    }
    const instant = parseInstant(text);
    if (!instant) return invalid(`exdate ${text} is neither a date nor a date-time`);
    set.add(String(instant.getTime()));
  }
  return set;
}

import type { components } from '../api/schema';
import { type Ends, isIsoDate, MAX_DATES, weeklyDates, weeklyRule } from './weekly';

type Body = components['schemas']['CreateBookingRequestDto'];

/** What the request form holds, as typed (kept whole when sending fails). */
export interface RequestValues {
  organisationId: string;
  roomId: string;
  title: string;
  ageGroup: string;
  participants: string;
  date: string;
  from: string;
  to: string;
  repeat: 'once' | 'weekly';
  ends: 'until' | 'count';
  until: string;
  count: string;
  /** Dates shown in the list last time, and the ones still ticked. */
  listed: string[];
  kept: string[];
  entranceFee: boolean;
}

export function valuesOf(form: FormData | URLSearchParams): RequestValues {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v.trim() : '';
  };
  const all = (name: string) => form.getAll(name).filter((v): v is string => typeof v === 'string');
  return {
    organisationId: text('organisationId'),
    roomId: text('roomId') || text('rom'),
    title: text('title'),
    ageGroup: text('ageGroup') || 'all_ages',
    participants: text('participants'),
    date: text('date'),
    from: text('from'),
    to: text('to'),
    repeat: text('repeat') === 'weekly' ? 'weekly' : 'once',
    ends: text('ends') === 'count' ? 'count' : 'until',
    until: text('until'),
    count: text('count'),
    listed: all('listed'),
    kept: all('kept'),
    entranceFee: text('entranceFee') === 'true',
  };
}

function endsOf(v: RequestValues): Ends | null {
  if (v.ends === 'count') {
    const n = Number(v.count);
    return Number.isInteger(n) && n >= 1 ? { count: Math.min(n, MAX_DATES) } : null;
  }
  return isIsoDate(v.until) ? { until: v.until } : null;
}

/** The weekly series' dates (for the list of ticks), or [] for a single date. */
export function seriesOf(v: RequestValues): string[] {
  const ends = v.repeat === 'weekly' ? endsOf(v) : null;
  return ends ? weeklyDates(v.date, ends) : [];
}

/**
 * The API's body: the RRULE and exdates built here (dates listed before and now unticked are left out;
 * dates new to the list are in). Fields the person left empty go as given, so the API names them.
 */
export function bodyOf(v: RequestValues): Body {
  const ends = v.repeat === 'weekly' ? endsOf(v) : null;
  const kept = new Set(v.kept);
  const exdates = v.listed.filter((d) => !kept.has(d));
  return {
    organisationId: v.organisationId,
    roomId: v.roomId,
    title: v.title,
    ageGroup: v.ageGroup as Body['ageGroup'],
    expectedParticipants: v.participants === '' ? (undefined as never) : Number(v.participants),
    startsAt: `${v.date}T${v.from}` as never,
    endsAt: `${v.date}T${v.to}` as never,
    chargesEntranceFee: v.entranceFee,
    ...(ends ? { recurrence: { rrule: weeklyRule(ends), exdates } } : {}),
  };
}

/** The API's fields, named as the form's. */
export const REQUEST_FIELDS: Record<string, string> = {
  organisationId: 'organisationId',
  roomId: 'roomId',
  title: 'title',
  ageGroup: 'ageGroup',
  expectedParticipants: 'participants',
  startsAt: 'date',
  endsAt: 'to',
  recurrence: 'until',
};

export const validDate = isIsoDate;

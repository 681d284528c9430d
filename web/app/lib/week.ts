// ISO weeks as the URL shows them (?uke=2027-W36), computed on calendar dates (no clock, no zone).
const DAY = 86_400_000;
const WEEK = /^(\d{4})-W(\d{2})$/;

const toIso = (date: Date): string => date.toISOString().slice(0, 10);
const fromIso = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

// Made once: building an Intl.DateTimeFormat costs far more than using one.
const OSLO_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' });

/** The date in Oslo of an instant, YYYY-MM-DD. */
export const osloDateOf = (instant: string | Date): string => OSLO_DATE.format(new Date(instant));

/** Today's date in Oslo, YYYY-MM-DD. */
export const osloToday = (): string => OSLO_DATE.format(new Date());

export const addDays = (iso: string, days: number): string =>
  toIso(new Date(fromIso(iso).getTime() + days * DAY));

/** The Monday of the week a date is in. */
export function mondayOf(iso: string): string {
  const weekday = (fromIso(iso).getUTCDay() + 6) % 7; // Monday 0
  return addDays(iso, -weekday);
}

/** 2027-09-07 → 2027-W36 */
export function weekOf(iso: string): string {
  const thursday = addDays(mondayOf(iso), 3);
  const year = Number(thursday.slice(0, 4));
  const week = 1 + Math.floor((fromIso(thursday).getTime() - fromIso(`${year}-01-01`).getTime()) / DAY / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** 2027-W36 → its Monday, 2027-09-06; null when it is no ISO week. */
export function mondayOfWeek(week: string): string | null {
  const m = WEEK.exec(week);
  if (!m) return null;
  const [year, n] = [Number(m[1]), Number(m[2])];
  const monday = addDays(mondayOf(`${year}-01-04`), (n - 1) * 7);
  return weekOf(monday) === week ? monday : null;
}

export interface WeekView {
  week: string;
  monday: string;
  days: string[];
  previous: string;
  next: string;
}

/** The week asked for with ?uke= (or this week when it is missing or malformed). */
export function weekFromUrl(url: URL): WeekView {
  const asked = url.searchParams.get('uke');
  const monday = (asked && mondayOfWeek(asked)) || mondayOf(osloToday());
  return {
    week: weekOf(monday),
    monday,
    days: Array.from({ length: 7 }, (_, i) => addDays(monday, i)),
    previous: weekOf(addDays(monday, -7)),
    next: weekOf(addDays(monday, 7)),
  };
}

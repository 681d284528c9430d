/**
 * A weekly series as a person chooses it (a first date, then until a date or a number of times), turned
 * into the dates it gives and the RRULE the API takes: nobody types an RRULE.
 */
export const MAX_DATES = 104;

const addDays = (isoDate: string, days: number): string => {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export const isIsoDate = (v: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(v) && !isNaN(Date.parse(v));

export type Ends = { until: string } | { count: number };

/** The dates of a weekly series from `first` (same weekday), at most MAX_DATES. */
export function weeklyDates(first: string, ends: Ends): string[] {
  if (!isIsoDate(first)) return [];
  const dates: string[] = [];
  for (let d = first; dates.length < MAX_DATES; d = addDays(d, 7)) {
    if ('until' in ends ? d > ends.until : dates.length >= ends.count) break;
    dates.push(d);
  }
  return dates;
}

/** FREQ=WEEKLY with UNTIL (the end of that day, so its date is in) or COUNT. */
export function weeklyRule(ends: Ends): string {
  return 'until' in ends
    ? `FREQ=WEEKLY;UNTIL=${ends.until.replace(/-/g, '')}T235959Z`
    : `FREQ=WEEKLY;COUNT=${ends.count}`;
}

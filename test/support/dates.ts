import { addDays, weekdayOf } from '../../src/common/time';

/** A year safely in the future, so date-based tests keep working as time passes. */
export const Y = Math.max(2027, new Date().getUTCFullYear() + 1);

/** The n-th (1-based) ISO weekday (Monday 1) of a month of year Y, as YYYY-MM-DD. */
export function nth(month: number, weekday: number, n = 1, year = Y): string {
  let date = `${year}-${String(month).padStart(2, '0')}-01`;
  while (weekdayOf(date) !== weekday) date = addDays(date, 1);
  return addDays(date, 7 * (n - 1));
}

/** The last ISO weekday of a month of year Y. */
export function last(month: number, weekday: number, year = Y): string {
  let date = addDays(`${month === 12 ? year + 1 : year}-${String((month % 12) + 1).padStart(2, '0')}-01`, -1);
  while (weekdayOf(date) !== weekday) date = addDays(date, -1);
  return date;
}

export const TUESDAY = 2;
export const SUNDAY = 7;

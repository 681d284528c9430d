import { osloDayBounds, weekdayOf } from '../../common/time';
import { publicHoliday } from '../venues/holidays';
import { OpeningWindow } from '../venues/opening-hours';
import { Span, subtractSpans, wallInstant } from './day-parts';

/** What decides a room's open time on a date: its weekly windows, the closures that reach it, holidays. */
export interface OpenCalendar {
  openingHours: readonly OpeningWindow[];
  /** Closures of the room, of any room sharing a leaf with it, and of its building, as instants. */
  closures: readonly Span[];
  closedOnPublicHolidays: boolean;
}

/**
 * The spans a room is open on a local date: the opening-hours windows of that weekday in wall time,
 * turned into real instants for that date (00:00–24:00 is 23 hours on the day the clocks go forward and
 * 25 on the day they go back), minus closures; nothing on a public holiday when the building closes then.
 */
export function openSpans(date: string, calendar: OpenCalendar): Span[] {
  if (calendar.closedOnPublicHolidays && publicHoliday(date) !== null) return [];
  const weekday = weekdayOf(date);
  const windows: Span[] = calendar.openingHours
    .filter((w) => w.weekday === weekday)
    .map((w) => [wallInstant(date, w.opens), wallInstant(date, w.closes)]);
  if (windows.length === 0) return [];
  const day = osloDayBounds(date);
  const [dayStart, dayEnd] = [day.start.getTime(), day.end.getTime()];
  const cuts = calendar.closures.filter(([a, b]) => a < dayEnd && b > dayStart);
  return subtractSpans(windows, cuts);
}

import { addDays, osloWallToInstant, parseClock, weekdayOf } from '../common/time';
import { availability, RoomCalendar } from '../core/venues/availability';
import type { Preference } from './dto/preference.dto';

/** Why one date of a weekly assignment gets no occurrence. */
export interface SkippedDate {
  date: string;
  reason: 'closure' | 'holiday' | 'outside_opening_hours' | 'past' | 'no_such_time' | 'booked';
  /** The closure's reason or the holiday's name. */
  detail?: string;
}

export interface DatedSlot {
  date: string;
  startsAt: Date;
  endsAt: Date;
}

export interface DatePlan {
  dates: DatedSlot[];
  skipped: SkippedDate[];
}

/** Every local date from startsOn to endsOn on an ISO weekday. */
export function datesOnWeekday(startsOn: string, endsOn: string, weekday: number): string[] {
  let date = startsOn;
  while (weekdayOf(date) !== weekday) date = addDays(date, 1);
  const dates: string[] = [];
  for (; date <= endsOn; date = addDays(date, 7)) dates.push(date);
  return dates;
}

/**
 * The dated occurrences a weekly slot gives over a season, with the dates the venue rules close (a
 * closure of the room, a room sharing a leaf or the building; a public holiday where the building
 * closes; outside the opening hours that day) or that have passed set aside with the reason.
 */
export function planDates(
  season: { startsOn: string; endsOn: string },
  slot: Preference,
  calendar: RoomCalendar,
  now: Date = new Date(),
): DatePlan {
  const start = parseClock(slot.startTime)!;
  const end = parseClock(slot.endTime)!;
  const plan: DatePlan = { dates: [], skipped: [] };
  for (const date of datesOnWeekday(season.startsOn, season.endsOn, slot.weekday)) {
    const startsAt = osloWallToInstant(date, start);
    const endsAt = end === 1440 ? osloWallToInstant(addDays(date, 1), 0) : osloWallToInstant(date, end);
    if (!startsAt || !endsAt) {
      plan.skipped.push({ date, reason: 'no_such_time' }); // the hour skipped in March
      continue;
    }
    if (startsAt <= now) {
      plan.skipped.push({ date, reason: 'past' });
      continue;
    }
    const [why] = availability(calendar, startsAt, endsAt).reasons;
    if (!why) plan.dates.push({ date, startsAt, endsAt });
    else if (why.kind === 'closure') plan.skipped.push({ date, reason: 'closure', detail: why.reason });
    else if (why.kind === 'holiday') plan.skipped.push({ date, reason: 'holiday', detail: why.name });
    else plan.skipped.push({ date, reason: 'outside_opening_hours' });
  }
  return plan;
}

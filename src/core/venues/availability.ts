import { osloDatesBetween, osloDayBounds, osloParts } from '../../common/time';
import { publicHoliday } from './holidays';
import { OpeningWindow, opensFor } from './opening-hours';

export interface ClosurePeriod {
  id: string;
  startsAt: Date;
  endsAt: Date;
  reason: string;
}

export interface RoomCalendar {
  openingHours: OpeningWindow[];
  /** Closures of the room itself and of its building. */
  closures: ClosurePeriod[];
  closedOnPublicHolidays: boolean;
}

export type Unavailability =
  | { kind: 'outside_opening_hours'; date: string }
  | { kind: 'closure'; closureId: string; reason: string }
  | { kind: 'holiday'; date: string; name: string };

export interface Availability {
  open: boolean;
  reasons: Unavailability[];
}

/**
 * Whether a room is open for the whole of [startsAt, endsAt), and if not, every reason why. Opening
 * hours are Oslo wall-clock windows; the range is cut into local days, so a range across midnight
 * needs a window to 24:00 and one from 00:00, and the days the clocks change need no special case.
 */
export function availability(room: RoomCalendar, startsAt: Date, endsAt: Date): Availability {
  const reasons: Unavailability[] = [];
  for (const date of osloDatesBetween(startsAt, endsAt)) {
    const day = osloDayBounds(date);
    const from = startsAt > day.start ? osloParts(startsAt).minute : 0;
    const to = endsAt < day.end ? osloParts(endsAt).minute : 24 * 60;
    const weekday = osloParts(day.start).weekday;
    if (!opensFor(room.openingHours, weekday, from, to))
      reasons.push({ kind: 'outside_opening_hours', date });
    if (room.closedOnPublicHolidays) {
      const name = publicHoliday(date);
      if (name) reasons.push({ kind: 'holiday', date, name });
    }
  }
  for (const c of room.closures) {
    if (c.startsAt < endsAt && c.endsAt > startsAt)
      reasons.push({ kind: 'closure', closureId: c.id, reason: c.reason });
  }
  return { open: reasons.length === 0, reasons };
}

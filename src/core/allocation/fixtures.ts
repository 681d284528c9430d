// Builders for small hand-made rounds, shared by the unit tests.
import { parseClock } from '../../common/time';
import { Weekday } from '../domain';
import { AllocationApplication, AllocationInput, AllocationRoom, Slot } from './types';

const clock = (text: string): number => {
  const minutes = parseClock(text);
  if (minutes === null) throw new Error(`Not a clock time: ${text}`);
  return minutes;
};

/** A school room: weekdays 17–22, weekends 09–21, unless other windows are given. */
export function room(
  id: string,
  options: { building?: string; leaves?: string[]; hours?: [Weekday, string, string][] } = {},
): AllocationRoom {
  const hours =
    options.hours ??
    ([1, 2, 3, 4, 5, 6, 7] as Weekday[]).map((d): [Weekday, string, string] =>
      d <= 5 ? [d, '17:00', '22:00'] : [d, '09:00', '21:00'],
    );
  return {
    id,
    buildingId: options.building ?? 'b1',
    leaves: options.leaves ?? [id],
    openingHours: hours.map(([weekday, opens, closes]) => ({
      weekday,
      opens: clock(opens),
      closes: clock(closes),
    })),
  };
}

/** A hall split into courts: the hall occupies every court, each court only itself. */
export function hall(id: string, courts: string[], building = 'b1'): AllocationRoom[] {
  return [room(id, { building, leaves: courts }), ...courts.map((c) => room(c, { building }))];
}

export const slot = (roomId: string, weekday: Weekday, start: string, end: string): Slot => ({
  roomId,
  weekday,
  start: clock(start),
  end: clock(end),
});

export function application(
  id: string,
  tier: number,
  alternatives: Slot[],
  more: Partial<AllocationApplication> = {},
): AllocationApplication {
  return {
    id,
    organisationId: `org-${id}`,
    tier,
    sessionsPerWeek: 1,
    alternatives,
    hoursAlreadyGranted: 0,
    ...more,
  };
}

export function round(
  rooms: AllocationRoom[],
  applications: AllocationApplication[],
  more: Partial<AllocationInput> = {},
): AllocationInput {
  return {
    rooms,
    applications,
    weights: { keepPrevious: 0, preferenceRank: 0, fairness: 0 },
    timeLimitSeconds: 10,
    ...more,
  };
}

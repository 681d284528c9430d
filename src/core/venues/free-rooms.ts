import type { RoomKind } from '../domain';
import { OpeningWindow, opensFor } from './opening-hours';

/** A room as the free-room search knows it between venue changes: its facts, hours and leaves. */
export interface ListedRoom {
  id: string;
  name: string;
  kind: RoomKind;
  capacity: number;
  areaSqm: number | null;
  accessible: boolean;
  facilities: string[];
  buildingId: string;
  buildingName: string;
  closedOnPublicHolidays: boolean;
  openingHours: OpeningWindow[];
  /** The leaf rooms it occupies (itself if it has no sections). */
  leaves: string[];
}

/** One window of one Oslo day, and what is taken in it. */
export interface FreeRoomsWindow {
  /** ISO weekday of the date, and the window in minutes since midnight. */
  weekday: number;
  from: number;
  to: number;
  publicHoliday: boolean;
  /** Leaves closed, booked or held by a season somewhere in the window. */
  busyLeaves: ReadonlySet<string>;
  /** Buildings closed somewhere in the window. */
  closedBuildings: ReadonlySet<string>;
}

export interface RoomFilter {
  minCapacity: number;
  kind?: RoomKind;
  accessible?: boolean;
  buildingId?: string;
}

/**
 * The rooms open for the whole window (a window of their opening hours holds it, their building is not
 * closed in it, nor on a public holiday if it closes then) and free in it (none of their leaves is
 * busy: a booked court blocks its hall), that pass the filter; in the order given.
 */
export function freeRooms(
  rooms: readonly ListedRoom[],
  window: FreeRoomsWindow,
  filter: RoomFilter,
): ListedRoom[] {
  return rooms.filter(
    (r) =>
      r.capacity >= filter.minCapacity &&
      (filter.kind === undefined || r.kind === filter.kind) &&
      (filter.accessible === undefined || r.accessible === filter.accessible) &&
      (filter.buildingId === undefined || r.buildingId === filter.buildingId) &&
      !(window.publicHoliday && r.closedOnPublicHolidays) &&
      opensFor(r.openingHours, window.weekday, window.from, window.to) &&
      !window.closedBuildings.has(r.buildingId) &&
      !r.leaves.some((leaf) => window.busyLeaves.has(leaf)),
  );
}

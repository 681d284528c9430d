import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ListedRoom } from '../core/venues/free-rooms';

/** The venue data's version: a counter that every change of rooms, buildings, hours or leaves bumps. */
export const VENUE_VERSION_SQL = '(SELECT n FROM venue_version)';

interface Loaded {
  version: string;
  rooms: ListedRoom[];
}

/**
 * Every room with what the free-room search filters on, kept in memory between venue changes, so that
 * the search's SQL reads only what changes by the minute (busy leaves, closed buildings) and its plan
 * is cheap and the same for every filter.
 *
 * Staleness is ruled out by a version, not by a time to live: a deferred trigger on rooms, buildings,
 * opening_hours and room_leaves bumps `venue_version` once, at the writing transaction's commit
 * (migration VenueVersion), and the search reads that version in its own statement, at no extra round trip. A
 * list loaded at another version is loaded again, in one statement with the version it belongs to. So
 * a change is seen by the next search once committed, whichever process or hand made it (other API
 * processes, the seed, SQL), which invalidating on the venue services' calls would not see, and no
 * answer is ever a time-to-live old.
 */
@Injectable()
export class RoomList {
  private loaded: Loaded | undefined;
  private loading: Promise<Loaded> | undefined;

  constructor(private readonly dataSource: DataSource) {}

  /** The rooms, in the search's order (building, room, id), as of `version` or later. */
  async at(version: string): Promise<readonly ListedRoom[]> {
    if (this.loaded?.version === version) return this.loaded.rooms;
    let loaded = await this.shared();
    // A load begun before `version` was committed: the next one begins after.
    if (BigInt(loaded.version) < BigInt(version)) loaded = await this.shared();
    this.loaded = loaded;
    return loaded.rooms;
  }

  /** One load for every search that finds the list out of date at the same time. */
  private shared(): Promise<Loaded> {
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async load(): Promise<Loaded> {
    const [row] = await this.dataSource.query<{ version: string; rooms: ListedRoom[] }[]>(
      `SELECT ${VENUE_VERSION_SQL} AS version,
              COALESCE((SELECT json_agg(json_build_object(
                                 'id', r.id, 'name', r.name, 'kind', r.kind, 'capacity', r.capacity,
                                 'areaSqm', r.area_sqm, 'accessible', r.accessible, 'facilities', r.facilities,
                                 'buildingId', b.id, 'buildingName', b.name,
                                 'closedOnPublicHolidays', b.closed_on_public_holidays,
                                 'openingHours', COALESCE((SELECT json_agg(json_build_object(
                                                                   'weekday', h.weekday, 'opens', h.opens,
                                                                   'closes', h.closes))
                                                             FROM opening_hours h WHERE h.room_id = r.id), '[]'),
                                 'leaves', ARRAY(SELECT l.leaf_id FROM room_leaves l WHERE l.room_id = r.id))
                               ORDER BY b.name, r.name, r.id)
                          FROM rooms r JOIN buildings b ON b.id = r.building_id), '[]') AS rooms`,
    );
    return row;
  }
}

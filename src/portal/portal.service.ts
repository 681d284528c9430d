import { Injectable } from '@nestjs/common';
import { DataSource, ILike } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { Page } from '../common/http/pagination';
import { osloWallToInstant, parseClock, weekdayOf } from '../common/time';
import { publicHoliday } from '../core/venues/holidays';
import { GenericPlanPool } from '../database/generic-plan-pool';
import { Organisation } from '../organisations/organisation.entity';
import { seasonHoldsSql } from '../core/seasons/season-status';
import { freeRooms } from '../core/venues/free-rooms';
import { RoomList, VENUE_VERSION_SQL } from './room-list';
import {
  FreeRoomsAnswer,
  FreeRoomsQuery,
  PublicOrganisationQuery,
  PublicOrganisationView,
} from './dto/portal.dto';

/** The leaves and buildings as comma-separated text: split natively, where `pg` parses a uuid[] char by char. */
interface TakenRow {
  version: string;
  busy_leaves: string;
  closed_buildings: string;
}

const ids = (list: string): Set<string> => new Set(list === '' ? [] : list.split(','));

/** The public portal: nothing here names, mails or phones a person. */
@Injectable()
export class PortalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly roomList: RoomList,
    private readonly genericPlans: GenericPlanPool,
  ) {}

  async organisations(q: PublicOrganisationQuery): Promise<Page<PublicOrganisationView>> {
    const name = q.q?.trim();
    const [orgs, total] = await this.dataSource.getRepository(Organisation).findAndCount({
      where: {
        status: 'verified',
        ...(q.kind ? { kind: q.kind } : {}),
        // Name contains the words as typed; LIKE's own wildcards in them are taken literally.
        ...(name ? { name: ILike(`%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) } : {}),
      },
      order: q.sort === 'newest' ? { verifiedAt: 'DESC', id: 'ASC' } : { name: 'ASC', id: 'ASC' },
      take: q.limit,
      skip: q.offset,
    });
    return { items: orgs.map(toPublicOrganisation), total };
  }

  /** A verified organisation's public fields; null for an unknown or unverified one. */
  async publicOrganisation(id: string): Promise<PublicOrganisationView | null> {
    const org = await this.dataSource.getRepository(Organisation).findOneBy({ id, status: 'verified' });
    return org ? toPublicOrganisation(org) : null;
  }

  /**
   * Rooms open for the whole window on that date (opening hours, no closure of any room sharing a leaf
   * with it or of its building, no public holiday where the building closes) and free of approved
   * bookings of any room sharing a leaf with it (a booked court blocks its hall), and not held by a
   * season being allocated. SQL answers only what is taken in the window, with the venue data's
   * version; the rooms and their filters (core/venues/free-rooms.ts) come from the list in memory.
   */
  async freeRooms(q: FreeRoomsQuery): Promise<FreeRoomsAnswer> {
    const from = parseClock(q.from)!;
    const to = parseClock(q.to)!;
    if (from >= to) throw new DomainError('INVALID_TIME_RANGE', '`from` must be before `to`');
    const startsAt = osloWallToInstant(q.date, from);
    const endsAt = osloWallToInstant(q.date, to);
    if (!startsAt || !endsAt)
      throw new DomainError('INVALID_TIME_RANGE', 'That time does not exist in Oslo on that date');
    // A named prepared statement on GenericPlanPool's connections, planned once per connection: with only
    // the window as parameters its plan is one and the same whatever the filters, and small: three index
    // or tiny-table lookups.
    const [taken] = await this.genericPlans.query<TakenRow>(
      `SELECT ${VENUE_VERSION_SQL} AS version,
              (SELECT COALESCE(string_agg(leaf_id::text, ','), '') FROM (
                    SELECT rl.leaf_id FROM closures c JOIN room_leaves rl ON rl.room_id = c.room_id
                     WHERE tstzrange(c.starts_at, c.ends_at) && tstzrange($1, $2)
                    UNION
                    SELECT leaf_room_id FROM booking_claims WHERE period && tstzrange($1, $2)
                    UNION
                    -- a season being allocated holds its rooms' time: single bookings there cannot be approved
                    SELECT rl.leaf_id FROM seasons se
                      JOIN season_rooms sr ON sr.season_id = se.id JOIN room_leaves rl ON rl.room_id = sr.room_id
                     WHERE ${seasonHoldsSql('se')} AND tstzrange(se.starts_at, se.ends_at) && tstzrange($1, $2)
                   ) busy) AS busy_leaves,
              (SELECT COALESCE(string_agg(DISTINCT c.building_id::text, ','), '') FROM closures c
                     WHERE c.building_id IS NOT NULL AND tstzrange(c.starts_at, c.ends_at) && tstzrange($1, $2)
                   ) AS closed_buildings`,
      [startsAt, endsAt],
      'frirom_free_rooms_taken',
    );
    const free = freeRooms(
      await this.roomList.at(taken.version),
      {
        weekday: weekdayOf(q.date),
        from,
        to,
        publicHoliday: publicHoliday(q.date) !== null,
        busyLeaves: ids(taken.busy_leaves),
        closedBuildings: ids(taken.closed_buildings),
      },
      { minCapacity: q.minCapacity ?? 1, kind: q.kind, accessible: q.accessible, buildingId: q.buildingId },
    );
    return {
      items: free.slice(q.offset, q.offset + q.limit).map((r) => ({
        id: r.id,
        name: r.name,
        kind: r.kind,
        capacity: r.capacity,
        areaSqm: r.areaSqm,
        accessible: r.accessible,
        facilities: r.facilities,
        buildingId: r.buildingId,
        buildingName: r.buildingName,
      })),
      total: free.length,
    };
  }
}

const toPublicOrganisation = (o: Organisation): PublicOrganisationView => ({
  id: o.id,
  name: o.name,
  kind: o.kind,
  description: o.description,
  website: o.website,
  municipalityNumber: o.municipalityNumber,
});

import { Injectable } from '@nestjs/common';
import { DataSource, ILike } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { Page } from '../common/http/pagination';
import { osloWallToInstant, parseClock, weekdayOf } from '../common/time';
import { publicHoliday } from '../core/venues/holidays';
import { preparedQuery } from '../database/transaction';
import { Organisation } from '../organisations/organisation.entity';
import { seasonHoldsSql } from '../core/seasons/season-status';
import {
  FreeRoomsAnswer,
  FreeRoomsQuery,
  PublicOrganisationQuery,
  PublicOrganisationView,
} from './dto/portal.dto';

interface FreeRoomRow {
  id: string;
  name: string;
  kind: FreeRoomsAnswer['items'][number]['kind'];
  capacity: number;
  area_sqm: number | null;
  accessible: boolean;
  facilities: string[];
  building_id: string;
  building_name: string;
  total: string;
}

/** The public portal: nothing here names, mails or phones a person. */
@Injectable()
export class PortalService {
  constructor(private readonly dataSource: DataSource) {}

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
   * season being allocated.
   */
  async freeRooms(q: FreeRoomsQuery): Promise<FreeRoomsAnswer> {
    const from = parseClock(q.from)!;
    const to = parseClock(q.to)!;
    if (from >= to) throw new DomainError('INVALID_TIME_RANGE', '`from` must be before `to`');
    const startsAt = osloWallToInstant(q.date, from);
    const endsAt = osloWallToInstant(q.date, to);
    if (!startsAt || !endsAt)
      throw new DomainError('INVALID_TIME_RANGE', 'That time does not exist in Oslo on that date');
    // A named prepared statement on a connection of the pool: planning this query cost about as much
    // as running it, and a connection keeps the plan for every later search.
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const rows = await preparedQuery<FreeRoomRow>(
      runner.manager,
      'frirom_free_rooms',
      `WITH busy_leaves AS (
         SELECT rl.leaf_id FROM closures c JOIN room_leaves rl ON rl.room_id = c.room_id
          WHERE tstzrange(c.starts_at, c.ends_at) && tstzrange($1, $2)
         UNION
         SELECT leaf_room_id FROM booking_claims WHERE period && tstzrange($1, $2)
         UNION
         -- a season being allocated holds its rooms' time: single bookings there cannot be approved
         SELECT rl.leaf_id FROM seasons se
           JOIN season_rooms sr ON sr.season_id = se.id JOIN room_leaves rl ON rl.room_id = sr.room_id
          WHERE ${seasonHoldsSql('se')} AND tstzrange(se.starts_at, se.ends_at) && tstzrange($1, $2)
       )
       SELECT r.id, r.name, r.kind, r.capacity, r.area_sqm, r.accessible, r.facilities,
              r.building_id, b.name AS building_name, count(*) OVER () AS total
         FROM rooms r JOIN buildings b ON b.id = r.building_id
        WHERE r.capacity >= $5
          AND ($6::boolean IS NULL OR r.accessible = $6)
          AND ($7::uuid IS NULL OR r.building_id = $7)
          AND NOT ($8 AND b.closed_on_public_holidays)
          AND EXISTS (SELECT 1 FROM opening_hours oh
                       WHERE oh.room_id = r.id AND oh.weekday = $9 AND oh.opens <= $3 AND oh.closes >= $4)
          AND NOT EXISTS (SELECT 1 FROM closures c
                           WHERE c.building_id = r.building_id AND tstzrange(c.starts_at, c.ends_at) && tstzrange($1, $2))
          AND NOT EXISTS (SELECT 1 FROM room_leaves rl JOIN busy_leaves bl ON bl.leaf_id = rl.leaf_id
                           WHERE rl.room_id = r.id)
        ORDER BY b.name, r.name, r.id
        LIMIT $10 OFFSET $11`,
      [
        startsAt,
        endsAt,
        from,
        to,
        q.minCapacity ?? 1,
        q.accessible ?? null,
        q.buildingId ?? null,
        publicHoliday(q.date) !== null,
        weekdayOf(q.date),
        q.limit,
        q.offset,
      ],
    ).finally(() => runner.release());
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        kind: r.kind,
        capacity: r.capacity,
        areaSqm: r.area_sqm,
        accessible: r.accessible,
        facilities: r.facilities,
        buildingId: r.building_id,
        buildingName: r.building_name,
      })),
      total: rows.length > 0 ? Number(rows[0].total) : 0,
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

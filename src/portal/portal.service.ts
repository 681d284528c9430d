import { Injectable } from '@nestjs/common';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { ICalCalendar } from 'ical-generator';
import { DateTime } from 'luxon';
import { DataSource, ILike } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { Page } from '../common/http/pagination';
import {
  OSLO,
  osloDayBounds,
  osloToday,
  addDays,
  osloWallToInstant,
  parseClock,
  weekdayOf,
} from '../common/time';
import { publicHoliday } from '../core/venues/holidays';
import { Organisation } from '../organisations/organisation.entity';
import { seasonHoldsSql } from '../seasons/season-status';
import {
  CalendarQuery,
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
    const rows = await this.dataSource.query<FreeRoomRow[]>(
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
    );
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

  /**
   * Approved occurrences of a room, a building or an organisation as RFC 5545 (a season's only once it
   * is published: its answers go out at once), with the Europe/Oslo
   * VTIMEZONE: one VEVENT per occurrence, its UID stable across downloads. By default from 90 days
   * back to 400 days ahead.
   */
  async calendar(q: CalendarQuery): Promise<string> {
    const given = [q.roomId, q.buildingId, q.organisationId].filter(Boolean).length;
    if (given !== 1)
      throw new DomainError('INVALID_QUERY', 'Give exactly one of roomId, buildingId, organisationId');
    const from = osloDayBounds(q.from ?? addDays(osloToday(), -90)).start;
    const to = osloDayBounds(q.to ?? addDays(osloToday(), 400)).end;
    if (to <= from) throw new DomainError('INVALID_TIME_RANGE', '`to` must not be before `from`');
    if (to.getTime() - from.getTime() > 3 * 366 * 86_400_000) {
      throw new DomainError('INVALID_TIME_RANGE', 'Ask for at most three years at a time');
    }
    const rows = await this.dataSource.query<CalendarRow[]>(
      `SELECT o.id, o.starts_at, o.ends_at, q.title, org.name AS organisation_name,
              r.name AS room_name, b.name AS building_name, b.address
         FROM booking_occurrences o
         JOIN booking_requests q ON q.id = o.request_id
         JOIN organisations org ON org.id = q.organisation_id
         JOIN rooms r ON r.id = o.room_id
         JOIN buildings b ON b.id = r.building_id
        WHERE o.status = 'approved' AND o.period && tstzrange($1, $2)
          AND (q.season_id IS NULL
               OR EXISTS (SELECT 1 FROM seasons se WHERE se.id = q.season_id AND se.published_at IS NOT NULL))
          AND ($3::uuid IS NULL OR o.room_id = $3)
          AND ($4::uuid IS NULL OR r.building_id = $4)
          AND ($5::uuid IS NULL OR q.organisation_id = $5)
        ORDER BY o.starts_at, o.id`,
      [from, to, q.roomId ?? null, q.buildingId ?? null, q.organisationId ?? null],
    );
    const calendar = new ICalCalendar({
      name: 'frirom',
      prodId: { company: 'frirom', product: 'public-calendar', language: 'NB' },
    });
    // A generator without a calendar-wide zone: VTIMEZONE for the events' zone, DTSTAMP stays in UTC.
    calendar.timezone({ name: '', generator: getVtimezoneComponent });
    calendar.x('X-WR-TIMEZONE', OSLO);
    for (const row of rows) {
      calendar.createEvent({
        id: `${row.id}@frirom`,
        start: DateTime.fromJSDate(row.starts_at, { zone: OSLO }),
        end: DateTime.fromJSDate(row.ends_at, { zone: OSLO }),
        timezone: OSLO,
        stamp: DateTime.utc(),
        summary: row.title,
        description: `${row.organisation_name}\n${row.room_name}, ${row.building_name}`,
        location: [row.room_name, row.building_name, row.address].filter(Boolean).join(', '),
      });
    }
    return calendar.toString();
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

interface CalendarRow {
  id: string;
  starts_at: Date;
  ends_at: Date;
  title: string;
  organisation_name: string;
  room_name: string;
  building_name: string;
  address: string | null;
}

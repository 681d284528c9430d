import { Injectable } from '@nestjs/common';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { ICalCalendar, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { DomainError, notFound } from '../common/errors/domain-error';
import { addDays, OSLO, osloDayBounds, osloToday } from '../common/time';
import { CalendarQuery } from './dto/portal.dto';

/**
 * How long a cancelled occurrence stays in the feed as STATUS:CANCELLED: until its end, and at least
 * this long after the cancellation, so a calendar app that refreshes now and then still sees it go.
 */
export const CANCELLED_KEPT_DAYS = 30;

interface CalendarRow {
  id: string;
  starts_at: Date;
  ends_at: Date;
  status: 'approved' | 'cancelled';
  title: string;
  organisation_name: string;
  room_name: string;
  building_name: string;
  address: string | null;
}

/** The public ICS feeds: nothing in them names, mails or phones a person. */
@Injectable()
export class PublicCalendarService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Approved occurrences of a room, a building or a verified organisation as RFC 5545 (a season's only
   * once it is published: its answers go out at once), with the Europe/Oslo VTIMEZONE: one VEVENT per
   * occurrence, its UID stable across downloads; cancelled ones as STATUS:CANCELLED for a while (see
   * CANCELLED_KEPT_DAYS). By default from 90 days back to 400 days ahead. An unknown id is 404.
   */
  async calendar(q: CalendarQuery, now: Date = new Date()): Promise<string> {
    const given = [q.roomId, q.buildingId, q.organisationId].filter(Boolean).length;
    if (given !== 1)
      throw new DomainError('INVALID_QUERY', 'Give exactly one of roomId, buildingId, organisationId');
    const from = osloDayBounds(q.from ?? addDays(osloToday(), -90)).start;
    const to = osloDayBounds(q.to ?? addDays(osloToday(), 400)).end;
    if (to <= from) throw new DomainError('INVALID_TIME_RANGE', '`to` must not be before `from`');
    if (to.getTime() - from.getTime() > 3 * 366 * 86_400_000) {
      throw new DomainError('INVALID_TIME_RANGE', 'Ask for at most three years at a time');
    }
    const name = await this.feedName(q);
    const rows = await this.dataSource.query<CalendarRow[]>(
      `SELECT o.id, o.starts_at, o.ends_at, o.status, q.title, org.name AS organisation_name,
              r.name AS room_name, b.name AS building_name, b.address
         FROM booking_occurrences o
         JOIN booking_requests q ON q.id = o.request_id
         JOIN organisations org ON org.id = q.organisation_id
         JOIN rooms r ON r.id = o.room_id
         JOIN buildings b ON b.id = r.building_id
        WHERE (o.status = 'approved'
               -- only an approved occurrence can be cancelled, so a cancelled one was published
               OR (o.status = 'cancelled'
                   AND greatest(o.ends_at, o.decided_at + make_interval(days => $7)) > $6))
          AND o.period && tstzrange($1, $2)
          AND (q.season_id IS NULL
               OR EXISTS (SELECT 1 FROM seasons se WHERE se.id = q.season_id AND se.published_at IS NOT NULL))
          AND ($3::uuid IS NULL OR o.room_id = $3)
          AND ($4::uuid IS NULL OR r.building_id = $4)
          AND ($5::uuid IS NULL OR q.organisation_id = $5)
        ORDER BY o.starts_at, o.id`,
      [from, to, q.roomId ?? null, q.buildingId ?? null, q.organisationId ?? null, now, CANCELLED_KEPT_DAYS],
    );
    const calendar = new ICalCalendar({
      name,
      prodId: { company: 'frirom', product: 'public-calendar', language: 'NB' },
    });
    // A generator without a calendar-wide zone: VTIMEZONE for the events' zone, DTSTAMP stays in UTC.
    calendar.timezone({ name: '', generator: getVtimezoneComponent });
    calendar.x('X-WR-TIMEZONE', OSLO);
    for (const row of rows) {
      const cancelled = row.status === 'cancelled';
      calendar.createEvent({
        id: `${row.id}@frirom`,
        start: DateTime.fromJSDate(row.starts_at, { zone: OSLO }),
        end: DateTime.fromJSDate(row.ends_at, { zone: OSLO }),
        timezone: OSLO,
        stamp: DateTime.utc(),
        // a cancellation is a new revision of the event (RFC 5545 3.8.7.4)
        sequence: cancelled ? 1 : 0,
        status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        summary: row.title,
        description: `${row.organisation_name}\n${row.room_name}, ${row.building_name}`,
        location: [row.room_name, row.building_name, row.address].filter(Boolean).join(', '),
      });
    }
    return withNameProperty(calendar.toString());
  }

  /** The feed's name: the room (with its building), the building or the organisation; 404 if unknown. */
  private async feedName(q: CalendarQuery): Promise<string> {
    const m = this.dataSource.manager;
    if (q.roomId) {
      const [room] = await m.query<{ name: string; building: string }[]>(
        `SELECT r.name, b.name AS building FROM rooms r JOIN buildings b ON b.id = r.building_id WHERE r.id = $1`,
        [q.roomId],
      );
      if (!room) throw notFound('Room');
      return `${room.name}, ${room.building}`;
    }
    if (q.buildingId) {
      const [building] = await m.query<{ name: string }[]>('SELECT name FROM buildings WHERE id = $1', [
        q.buildingId,
      ]);
      if (!building) throw notFound('Building');
      return building.name;
    }
    // as in the public directory: only verified organisations are public
    const [org] = await m.query<{ name: string }[]>(
      `SELECT name FROM organisations WHERE id = $1 AND status = 'verified'`,
      [q.organisationId],
    );
    if (!org) throw notFound('Organisation');
    return org.name;
  }
}

/**
 * ical-generator writes the name as X-WR-CALNAME only; RFC 7986 NAME says the same for newer clients.
 * The copied line (folded where the original is) is shorter, so its folding stays within 75 octets.
 */
function withNameProperty(ics: string): string {
  return ics.replace(/^X-WR-CALNAME:.*(?:\r\n[ \t].*)*\r\n/m, (line) => `${line}NAME${line.slice(12)}`);
}

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../common/errors/domain-error';
import { preparedQuery } from '../database/transaction';
import { Availability, availability, RoomCalendar } from '../core/venues/availability';

export interface CalendarRow {
  id: string;
  closed_on_public_holidays: boolean;
  hours: { weekday: number; opens: number; closes: number }[];
  closures: { id: string; starts_at: string; ends_at: string; reason: string }[];
}

/**
 * The rooms' calendars as SQL, one row a room (CalendarRow), for `rooms` (a uuid[]) over [`from`, `to`):
 * for a query of its own or as part of another (ConflictsService asks for it with the conflicts).
 */
export const calendarsSql = (rooms: string, from: string, to: string): string =>
  `SELECT r.id, b.closed_on_public_holidays,
          COALESCE((SELECT json_agg(json_build_object('weekday', weekday, 'opens', opens, 'closes', closes))
                      FROM opening_hours WHERE room_id = r.id), '[]') AS hours,
          COALESCE((SELECT json_agg(json_build_object('id', c.id, 'starts_at', c.starts_at,
                                                      'ends_at', c.ends_at, 'reason', c.reason))
                      FROM closures c
                     WHERE tstzrange(c.starts_at, c.ends_at) && tstzrange(${from}, ${to})
                       AND (c.building_id = r.building_id
                            OR c.room_id IN (SELECT other.room_id FROM room_leaves mine
                                               JOIN room_leaves other ON other.leaf_id = mine.leaf_id
                                              WHERE mine.room_id = r.id))), '[]') AS closures
     FROM rooms r JOIN buildings b ON b.id = r.building_id
    WHERE r.id = ANY(${rooms}::uuid[])`;

/** The calendars of calendarsSql's rows, by room. */
export function toCalendars(rows: CalendarRow[]): Map<string, RoomCalendar> {
  return new Map(
    rows.map((row) => [
      row.id,
      {
        closedOnPublicHolidays: row.closed_on_public_holidays,
        openingHours: row.hours,
        closures: row.closures.map((c) => ({
          id: c.id,
          startsAt: new Date(c.starts_at),
          endsAt: new Date(c.ends_at),
          reason: c.reason,
        })),
      },
    ]),
  );
}

/**
 * What the venue rules say about a room over a period: its opening hours, the closures that reach it
 * (of its building, or of any room sharing a leaf with it: closing a court closes its hall), and
 * whether its building closes on public holidays. Loaded once per period (for many rooms at once if need be), then asked per occurrence.
 */
@Injectable()
export class RoomCalendarService {
  constructor(private readonly dataSource: DataSource) {}

  async calendar(
    roomId: string,
    from: Date,
    to: Date,
    m: EntityManager = this.dataSource.manager,
  ): Promise<RoomCalendar> {
    const calendar = (await this.calendars(m, [roomId], from, to)).get(roomId);
    if (!calendar) throw notFound('Room');
    return calendar;
  }

  /** The calendars of several rooms over one period, in one query; rooms that do not exist are left out. */
  async calendars(
    m: EntityManager,
    roomIds: string[],
    from: Date,
    to: Date,
  ): Promise<Map<string, RoomCalendar>> {
    const rows = await preparedQuery<CalendarRow>(
      m,
      'frirom_room_calendars',
      calendarsSql('$1', '$2', '$3'),
      [roomIds, from, to],
    );
    return toCalendars(rows);
  }

  async availability(roomId: string, startsAt: Date, endsAt: Date): Promise<Availability> {
    return availability(await this.calendar(roomId, startsAt, endsAt), startsAt, endsAt);
  }
}

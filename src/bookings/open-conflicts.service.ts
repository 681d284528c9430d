import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { formatInstant } from '../common/time';
import { availability, RoomCalendar } from '../core/venues/availability';
import { RoomCalendarService } from '../venues/room-calendar.service';
import { reversedRange } from '../common/http/field-types';
import { ConflictGroupView, OpenConflictsQuery } from './dto/conflicts.dto';
import { versionsOf } from '../booking-records/version-queries';

interface PendingRow {
  id: string;
  request_id: string;
  room_id: string;
  room_name: string;
  building_id: string;
  starts_at: Date;
  ends_at: Date;
  title: string;
  organisation_name: string;
}

interface BookedRow {
  id: string;
  occurrence_id: string;
  starts_at: Date;
  ends_at: Date;
  room_id: string;
  room_name: string;
  organisation_name: string;
}

const DEFAULT_DAYS = 365;

/** When a closure the calendar holds begins and ends, and in which room. */
function closed(calendar: RoomCalendar, closureId: string): { startsAt?: string; endsAt?: string } {
  const c = calendar.closures.find((x) => x.id === closureId);
  return c ? { startsAt: formatInstant(c.startsAt), endsAt: formatInstant(c.endsAt) } : {};
}

/**
 * Open conflicts, as they stand now: groups of pending occurrences that compete for the same time in
 * clashing rooms, with the approved bookings and venue rules (closures, holidays, opening hours) each
 * meets. A pending occurrence that competes with nothing and meets nothing is not a conflict.
 */
@Injectable()
export class OpenConflictsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: RoomCalendarService,
  ) {}

  async list(q: OpenConflictsQuery): Promise<{ items: ConflictGroupView[]; total: number }> {
    const from = q.from ?? new Date();
    const to = q.to ?? new Date(from.getTime() + DEFAULT_DAYS * 86_400_000);
    if (to < from) throw reversedRange('to', 'from');
    const m = this.dataSource.manager;
    const pending = await m.query<PendingRow[]>(
      `SELECT o.id, o.request_id, o.room_id, r.name AS room_name, r.building_id, o.starts_at, o.ends_at, q.title,
              org.name AS organisation_name
         FROM booking_occurrences o
         JOIN booking_requests q ON q.id = o.request_id
         JOIN organisations org ON org.id = q.organisation_id
         JOIN rooms r ON r.id = o.room_id
        WHERE o.status = 'pending' AND o.period && tstzrange($1, $2)
          AND ($3::uuid IS NULL OR r.building_id = $3)
        ORDER BY o.starts_at, o.id`,
      [from, to, q.buildingId ?? null],
    );
    if (pending.length === 0) return { items: [], total: 0 };
    const ids = pending.map((p) => p.id);

    // Pending dates meet each other and approved claims on a shared leaf room on the same Oslo day:
    // hash joins on (leaf, day) then the overlap test, rather than a GiST probe per pending date, which
    // took seconds over a year of 16,000 pending dates.
    const leafDays = (table: string, id: string, where: string) => `
      SELECT ${id}, l.leaf_id, t.period, d.day::date AS day
        FROM ${table} t JOIN room_leaves l ON l.room_id = t.room_id
        CROSS JOIN LATERAL generate_series((lower(t.period) AT TIME ZONE 'Europe/Oslo')::date,
                                           (upper(t.period) AT TIME ZONE 'Europe/Oslo')::date,
                                           interval '1 day') d(day)
       WHERE ${where}`;
    const [competing, booked] = await Promise.all([
      m.query<{ a: string; b: string }[]>(
        `WITH p AS MATERIALIZED (${leafDays('booking_occurrences', 't.id, t.request_id', 't.id = ANY($1)')})
         SELECT DISTINCT a.id AS a, b.id AS b
           FROM p a JOIN p b ON b.leaf_id = a.leaf_id AND b.day = a.day AND b.period && a.period
                            AND b.request_id <> a.request_id AND b.id > a.id`,
        [ids],
      ),
      m.query<BookedRow[]>(
        `WITH p AS MATERIALIZED (${leafDays('booking_occurrences', 't.id', 't.id = ANY($1)')}),
              c AS MATERIALIZED (
                SELECT c.occurrence_id, c.leaf_room_id, c.period, d.day::date AS day
                  FROM booking_claims c
                  CROSS JOIN LATERAL generate_series((lower(c.period) AT TIME ZONE 'Europe/Oslo')::date,
                                                     (upper(c.period) AT TIME ZONE 'Europe/Oslo')::date,
                                                     interval '1 day') d(day)
                 WHERE c.period && tstzrange($2, $3))
         SELECT DISTINCT a.id, c.occurrence_id, x.starts_at, x.ends_at, x.room_id, xr.name AS room_name,
                xo.name AS organisation_name
           FROM p a
           JOIN c ON c.leaf_room_id = a.leaf_id AND c.day = a.day AND c.period && a.period
           JOIN booking_occurrences x ON x.id = c.occurrence_id
           JOIN rooms xr ON xr.id = x.room_id
           JOIN booking_requests xq ON xq.id = x.request_id
           JOIN organisations xo ON xo.id = xq.organisation_id`,
        [ids, from, to],
      ),
    ]);

    const meets = new Map<string, ConflictGroupView['blockedBy']>();
    const add = (id: string, c: ConflictGroupView['blockedBy'][number]): void => {
      meets.set(id, [...(meets.get(id) ?? []), c]);
    };
    for (const b of booked) {
      // The same approved booking may meet several of the group's occurrences: one blocker, all of them.
      add(b.id, {
        kind: 'booking',
        occurrenceId: b.occurrence_id,
        occurrenceIds: [b.id],
        startsAt: formatInstant(b.starts_at),
        endsAt: formatInstant(b.ends_at),
        roomId: b.room_id,
        roomName: b.room_name,
        organisationName: b.organisation_name,
      });
    }
    const byRoom = new Map<string, PendingRow[]>();
    for (const p of pending) byRoom.set(p.room_id, [...(byRoom.get(p.room_id) ?? []), p]);
    // One calendar per room, loaded side by side (each a single prepared query).
    const calendars = await Promise.all(
      [...byRoom.values()].map((mine) =>
        this.calendars.calendar(
          mine[0].room_id,
          mine[0].starts_at,
          new Date(Math.max(...mine.map((p) => p.ends_at.getTime()))),
        ),
      ),
    );
    [...byRoom.values()].forEach((mine, i) => {
      const calendar = calendars[i];
      for (const p of mine) {
        for (const r of availability(calendar, p.starts_at, p.ends_at).reasons) {
          add(p.id, {
            kind: r.kind,
            occurrenceIds: [p.id],
            ...(r.kind === 'closure'
              ? { closureId: r.closureId, reason: r.reason, ...closed(calendar, r.closureId) }
              : {}),
            ...(r.kind === 'holiday' ? { date: r.date, reason: r.name } : {}),
            ...(r.kind === 'outside_opening_hours' ? { date: r.date } : {}),
          });
        }
      }
    });

    // Groups: occurrences joined by competition; a lone occurrence counts only if it meets something.
    const parent = new Map(ids.map((id) => [id, id]));
    const root = (id: string): string => {
      let r = id;
      while (parent.get(r) !== r) r = parent.get(r)!;
      parent.set(id, r);
      return r;
    };
    for (const { a, b } of competing) parent.set(root(a), root(b));
    const groups = new Map<string, PendingRow[]>();
    for (const p of pending) groups.set(root(p.id), [...(groups.get(root(p.id)) ?? []), p]);
    const all = [...groups.values()]
      .filter((g) => g.length > 1 || meets.has(g[0].id))
      .map((g): ConflictGroupView => ({
        occurrences: g.map((p) => ({
          id: p.id,
          requestId: p.request_id,
          title: p.title,
          organisationName: p.organisation_name,
          roomId: p.room_id,
          roomName: p.room_name,
          buildingId: p.building_id,
          startsAt: formatInstant(p.starts_at),
          endsAt: formatInstant(p.ends_at),
          requestVersion: 0,
        })),
        blockedBy: g.flatMap((p) => meets.get(p.id) ?? []),
      }));
    // Versions only for the page shown (a count of history entries each).
    const page = all.slice(q.offset, q.offset + q.limit);
    const versions = await versionsOf(m, [
      ...new Set(page.flatMap((g) => g.occurrences.map((o) => o.requestId))),
    ]);
    for (const o of page.flatMap((g) => g.occurrences)) o.requestVersion = versions.get(o.requestId) ?? 0;
    return { items: page, total: all.length };
  }
}

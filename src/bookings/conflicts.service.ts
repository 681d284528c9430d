import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { availability, RoomCalendar } from '../core/venues/availability';
import { preparedQuery } from '../database/transaction';
import { seasonHoldsSql } from '../core/seasons/season-status';
import { CalendarRow, calendarsSql, RoomCalendarService, toCalendars } from '../venues/room-calendar.service';
import { Conflict, ConflictKind } from '../booking-records/occurrence.entity';

/** Conflicts that forbid approving an occurrence; `request` and `self` are for staff to weigh. */
export const BLOCKING: ReadonlySet<ConflictKind> = new Set([
  'booking',
  'closure',
  'holiday',
  'outside_opening_hours',
  'season',
]);

export const isBlocked = (conflicts: Conflict[]): boolean => conflicts.some((c) => BLOCKING.has(c.kind));

export interface Slot {
  startsAt: Date;
  endsAt: Date;
}

/** A stored occurrence whose conflicts are asked for as they stand now. */
export interface StoredSlot extends Slot {
  id: string;
  requestId: string;
  roomId: string;
}

export interface DetectOptions {
  /** Pending occurrences of this request do not compete with the slots (they are the slots). */
  requestId?: string;
  /** Occurrences to ignore entirely, e.g. the one being moved. */
  ignoreOccurrenceIds?: string[];
}

export interface CurrentOptions {
  /** Also the overlaps with the request's own other dates (`self`); GET /conflicts does not show them. */
  self?: boolean;
}

/** A season's conflict carries the season holding the time. */
export type SeasonConflict = Conflict & { kind: 'season'; seasonId: string };

interface ConflictRow {
  key: string;
  kind: 'booking' | 'request' | 'self' | 'season';
  occurrence_id: string | null;
  request_id: string | null;
  season_id: string | null;
  season_name: string | null;
}

/**
 * The Oslo days a range touches, for the (leaf room, day) hash joins below. As an unnested array, not
 * generate_series in FROM, which the planner takes for 1,000 rows a range (a day or two in truth):
 * estimates that far off chose merge joins, a hash of every occurrence and JIT compilation.
 */
const days = (period: string) =>
  `unnest(ARRAY(SELECT generate_series((lower(${period}) AT TIME ZONE 'Europe/Oslo')::date,
                                       (upper(${period}) AT TIME ZONE 'Europe/Oslo')::date,
                                       interval '1 day')::date))`;

/**
 * THE conflict rule, as SQL over a set of slots (a CTE `slots(key, occ_id, request_id, season_id,
 * room_id, period)`: new times, or stored occurrences). For each slot: approved occurrences whose claim
 * is on a leaf of its room (booking); other requests' pending occurrences in a room sharing a leaf with
 * it (request); the same request's other pending or approved dates at the same time (self, when $3);
 * and the time a season holds while it is being allocated, in its rooms or rooms sharing a leaf with
 * them, within its period, except for the season's own applications (season). $2 lists occurrences to
 * ignore (one being moved).
 *
 * The other side is read only near the slots, by index: pending dates per room sharing a leaf with
 * them and claims per leaf, within the slots' span; then slots, pending dates and claims meet as hash
 * joins on (leaf room, Oslo day) with the overlap test after, rather than a GiST probe per slot. So
 * the same plan serves a request's few dates and the thousands of GET /conflicts. (`OFFSET 0` keeps
 * each lateral an index probe: pulled up into a join, row estimates far off chose a hash of every
 * occurrence.)
 */
const conflictRowsSql = (slots: string): string => `
  WITH slots AS MATERIALIZED (${slots}),
       sl AS MATERIALIZED (
         SELECT s.key, s.occ_id, s.request_id, s.season_id, l.leaf_id, s.period, d.day
           FROM slots s JOIN room_leaves l ON l.room_id = s.room_id
          CROSS JOIN LATERAL ${days('s.period')} d(day)),
       leaves AS MATERIALIZED (SELECT DISTINCT leaf_id FROM sl),
       span AS MATERIALIZED (SELECT tstzrange(min(lower(period)), max(upper(period))) AS r FROM slots),
       near AS MATERIALIZED (SELECT DISTINCT l.room_id FROM room_leaves l JOIN leaves USING (leaf_id)),
       pend AS MATERIALIZED (
         SELECT o.id, o.request_id, l.leaf_id, o.period, d.day
           FROM near
          CROSS JOIN LATERAL (SELECT o.id, o.request_id, o.room_id, o.period FROM booking_occurrences o
                               WHERE o.room_id = near.room_id AND o.status = 'pending'
                                 AND o.period && (SELECT r FROM span) AND NOT (o.id = ANY($2::uuid[])) OFFSET 0) o
           JOIN room_leaves l ON l.room_id = o.room_id
          CROSS JOIN LATERAL ${days('o.period')} d(day)),
       claims AS MATERIALIZED (
         SELECT c.occurrence_id, c.leaf_room_id AS leaf_id, c.period, d.day
           FROM leaves
          CROSS JOIN LATERAL (SELECT c.occurrence_id, c.leaf_room_id, c.period FROM booking_claims c
                               WHERE c.leaf_room_id = leaves.leaf_id AND c.period && (SELECT r FROM span)
                                 AND NOT (c.occurrence_id = ANY($2::uuid[])) OFFSET 0) c
          CROSS JOIN LATERAL ${days('c.period')} d(day))
  SELECT b.key, 'booking' AS kind, b.occurrence_id,
         (SELECT o.request_id FROM booking_occurrences o WHERE o.id = b.occurrence_id),
         NULL::uuid AS season_id, NULL::text AS season_name
    FROM (SELECT DISTINCT a.key, c.occurrence_id
            FROM sl a JOIN claims c ON c.leaf_id = a.leaf_id AND c.day = a.day AND c.period && a.period) b
  UNION
  SELECT a.key, 'request', b.id, b.request_id, NULL, NULL
    FROM sl a
    JOIN pend b ON b.leaf_id = a.leaf_id AND b.day = a.day AND b.period && a.period
               AND b.request_id IS DISTINCT FROM a.request_id
  UNION
  SELECT s.key, 'self', o.id, o.request_id, NULL, NULL
    FROM (SELECT DISTINCT request_id FROM slots WHERE $3::boolean) r
   CROSS JOIN LATERAL (SELECT o.id, o.request_id, o.period FROM booking_occurrences o
                        WHERE o.request_id = r.request_id AND o.status IN ('pending', 'approved')
                          AND NOT (o.id = ANY($2::uuid[])) OFFSET 0) o
    JOIN slots s ON s.request_id = o.request_id AND s.period && o.period AND s.occ_id IS DISTINCT FROM o.id
  UNION
  SELECT a.key, 'season', NULL, NULL, se.id, se.name
    FROM sl a
    JOIN room_leaves held ON held.leaf_id = a.leaf_id
    JOIN season_rooms sr ON sr.room_id = held.room_id
    JOIN seasons se ON se.id = sr.season_id
   WHERE ${seasonHoldsSql('se')} AND tstzrange(se.starts_at, se.ends_at) && a.period
     AND se.id IS DISTINCT FROM a.season_id
   ORDER BY 1, 2, 3`;

/** New times in one room ($4, $5, $6: room, starts, ends), for the request $1 if any. */
const NEW_SLOTS = `
  SELECT ord::text AS key, NULL::uuid AS occ_id, $1::uuid AS request_id,
         (SELECT season_id FROM booking_requests WHERE id = $1::uuid) AS season_id,
         $4::uuid AS room_id, tstzrange(s, e, '[)') AS period
    FROM unnest($5::timestamptz[], $6::timestamptz[]) WITH ORDINALITY AS t(s, e, ord)`;

/** Stored occurrences ($1: their ids). */
const STORED_SLOTS = `
  SELECT o.id::text AS key, o.id AS occ_id, o.request_id,
         (SELECT q.season_id FROM booking_requests q WHERE q.id = o.request_id) AS season_id, o.room_id, o.period
    FROM booking_occurrences o
   WHERE o.id = ANY($1::uuid[])`;

/**
 * The conflicts of stored occurrences ($1, $2, $3 as conflictRowsSql's) and the calendars of their
 * rooms ($4) over their span ($5, $6), as one row of two JSON arrays.
 */
const CURRENT_SQL = `
  SELECT (SELECT COALESCE(json_agg(c ORDER BY c.key, c.kind, c.occurrence_id), '[]')
            FROM (${conflictRowsSql(STORED_SLOTS)}) c) AS conflicts,
         (SELECT COALESCE(json_agg(k), '[]') FROM (${calendarsSql('$4', '$5', '$6')}) k) AS calendars`;

/**
 * Finds conflicts, in one place for every caller: new times before they are stored (a request being
 * made or quoted, a move) with `detect`, and stored pending occurrences as they stand now (request
 * views and lists, approval, GET /conflicts) with `current`. Both run the one rule above, then the
 * venue rules (closure, holiday, outside_opening_hours) from the rooms' calendars.
 */
@Injectable()
export class ConflictsService {
  constructor(private readonly calendars: RoomCalendarService) {}

  async detect(
    m: EntityManager,
    roomId: string,
    slots: Slot[],
    options: DetectOptions = {},
  ): Promise<Conflict[][]> {
    if (slots.length === 0) return [];
    const from = new Date(Math.min(...slots.map((s) => s.startsAt.getTime())));
    const to = new Date(Math.max(...slots.map((s) => s.endsAt.getTime())));
    // One after the other: inside a transaction both queries share one connection.
    const rows = await preparedQuery<ConflictRow>(m, 'frirom_conflicts_new', conflictRowsSql(NEW_SLOTS), [
      options.requestId ?? null,
      options.ignoreOccurrenceIds ?? [],
      Boolean(options.requestId),
      roomId,
      slots.map((s) => s.startsAt),
      slots.map((s) => s.endsAt),
    ]);
    const calendar = await this.calendars.calendar(roomId, from, to, m);
    const conflicts: Conflict[][] = slots.map((slot) => venueConflicts(calendar, slot));
    for (const row of rows) conflicts[Number(row.key) - 1].push(toConflict(row));
    addSelfOverlaps(slots, conflicts);
    return conflicts;
  }

  /**
   * The conflicts of stored pending occurrences as they stand now (other requests may have been made,
   * approved or withdrawn since, closures added): the one answer behind request views and lists,
   * approval and GET /conflicts. One query for all of them, one for all their rooms' calendars.
   */
  async current(
    m: EntityManager,
    occurrences: StoredSlot[],
    options: CurrentOptions = {},
  ): Promise<Map<string, Conflict[]>> {
    const found = new Map<string, Conflict[]>();
    if (occurrences.length === 0) return found;
    // The conflict rule and the rooms' calendars in one statement, so one round trip.
    const [{ conflicts: rows, calendars: calendarRows }] = await preparedQuery<{
      conflicts: ConflictRow[];
      calendars: CalendarRow[];
    }>(m, 'frirom_conflicts_current', CURRENT_SQL, [
      occurrences.map((o) => o.id),
      [],
      options.self ?? true,
      [...new Set(occurrences.map((o) => o.roomId))],
      new Date(Math.min(...occurrences.map((o) => o.startsAt.getTime()))),
      new Date(Math.max(...occurrences.map((o) => o.endsAt.getTime()))),
    ]);
    const calendars = toCalendars(calendarRows);
    for (const o of occurrences) found.set(o.id, venueConflicts(calendars.get(o.roomId)!, o));
    for (const row of rows) found.get(row.key)!.push(toConflict(row));
    return found;
  }
}

function toConflict(row: ConflictRow): Conflict {
  if (row.kind === 'season') {
    const held: SeasonConflict = {
      kind: 'season',
      seasonId: row.season_id!,
      reason: `Held for the season ${row.season_name} until its allocation is published`,
    };
    return held;
  }
  return { kind: row.kind, occurrenceId: row.occurrence_id!, requestId: row.request_id! };
}

function venueConflicts(calendar: RoomCalendar, slot: Slot): Conflict[] {
  return availability(calendar, slot.startsAt, slot.endsAt).reasons.map((r): Conflict => {
    switch (r.kind) {
      case 'closure':
        return { kind: 'closure', closureId: r.closureId, reason: r.reason };
      case 'holiday':
        return { kind: 'holiday', date: r.date, reason: r.name };
      case 'outside_opening_hours':
        return { kind: 'outside_opening_hours', date: r.date };
    }
  });
}

/** New slots that overlap each other each get one `self` conflict. */
function addSelfOverlaps(slots: Slot[], conflicts: Conflict[][]): void {
  const order = slots
    .map((_, i) => i)
    .sort((a, b) => slots[a].startsAt.getTime() - slots[b].startsAt.getTime());
  const overlapping = new Set<number>();
  for (let i = 0; i < order.length; i++) {
    for (let j = i + 1; j < order.length && slots[order[j]].startsAt < slots[order[i]].endsAt; j++) {
      overlapping.add(order[i]).add(order[j]);
    }
  }
  for (const i of overlapping) conflicts[i].push({ kind: 'self' });
}

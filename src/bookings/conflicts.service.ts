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

export interface MeetingOptions extends CurrentOptions {
  /** Other requests' pending dates count (`request`); GET /conflicts asks without, to find the lone ones. */
  competition?: boolean;
}

/** Stored occurrences by their ids, or the pending occurrences of requests. */
export type StoredSlots = { occurrenceIds: string[] } | { pendingOfRequests: string[] };

/** A season's conflict carries the season holding the time. */
export type SeasonConflict = Conflict & { kind: 'season'; seasonId: string };

interface MeetingRow {
  id: string;
  request_id: string;
  room_id: string;
  starts_at: Date;
  ends_at: Date;
  meets: boolean;
}

export interface ConflictRow {
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
 * THE conflict rule, kind by kind, as conditions written once and used by both shapes of the query
 * below (which: every conflict of every slot; whether: a yes or no per slot). A slot `a` (key, occ_id,
 * request_id, season_id, room_id, period; joined with `leaf_id`, a leaf of its room) meets:
 * - booking: an approved occurrence whose claim `c` is on a leaf of its room and overlaps it;
 * - request: another request's pending occurrence `o` in a room sharing a leaf with it, overlapping;
 * - self (when $3): the same request's other pending or approved dates at the same time;
 * - season: the time a season `se` holds while it is being allocated, in its rooms or rooms sharing a
 *   leaf with them, within its period, except for the season's own applications.
 * $2 lists occurrences to ignore (one being moved).
 */
const RULE = {
  claimCounts: (c: string) => `NOT (${c}.occurrence_id = ANY($2::uuid[]))`,
  pendingCounts: (o: string) => `${o}.status = 'pending' AND NOT (${o}.id = ANY($2::uuid[]))`,
  otherRequest: (o: string, a: string) => `${o}.request_id IS DISTINCT FROM ${a}.request_id`,
  selfCounts: (o: string) => `${o}.status IN ('pending', 'approved') AND NOT (${o}.id = ANY($2::uuid[]))`,
  selfOverlap: (o: string, s: string) =>
    `${s}.request_id = ${o}.request_id AND ${s}.period && ${o}.period AND ${s}.occ_id IS DISTINCT FROM ${o}.id`,
  seasonHolds: (se: string, a: string) =>
    `${seasonHoldsSql(se)} AND tstzrange(${se}.starts_at, ${se}.ends_at) && ${a}.period
     AND ${se}.id IS DISTINCT FROM ${a}.season_id`,
};

type RuleKind = 'booking' | 'request' | 'self' | 'season';
const ALL_KINDS: readonly RuleKind[] = ['booking', 'request', 'self', 'season'];

/**
 * The rule's "which" shape, over a set of slots (a CTE `slots(key, occ_id, request_id, season_id,
 * room_id, period)`: new times, or stored occurrences): one row per conflict, of the kinds asked for.
 *
 * The other side is read only near the slots, by index: pending dates per room sharing a leaf with
 * them and claims per leaf, within the slots' span; then slots, pending dates and claims meet as hash
 * joins on (leaf room, Oslo day) with the overlap test after, rather than a GiST probe per slot. So
 * the same plan serves a request's few dates and the thousands of GET /conflicts. (`OFFSET 0` keeps
 * each lateral an index probe: pulled up into a join, row estimates far off chose a hash of every
 * occurrence. CTEs a query does not refer to are not run.)
 */
const conflictRowsSql = (slots: string, kinds: readonly RuleKind[] = ALL_KINDS): string => {
  const branches: Record<RuleKind, string> = {
    booking: `
  SELECT b.key, 'booking' AS kind, b.occurrence_id,
         (SELECT o.request_id FROM booking_occurrences o WHERE o.id = b.occurrence_id) AS request_id,
         NULL::uuid AS season_id, NULL::text AS season_name
    FROM (SELECT DISTINCT a.key, c.occurrence_id
            FROM sl a JOIN claims c ON c.leaf_id = a.leaf_id AND c.day = a.day AND c.period && a.period) b`,
    request: `
  SELECT a.key, 'request' AS kind, b.id AS occurrence_id, b.request_id, NULL::uuid AS season_id,
         NULL::text AS season_name
    FROM sl a
    JOIN pend b ON b.leaf_id = a.leaf_id AND b.day = a.day AND b.period && a.period
               AND ${RULE.otherRequest('b', 'a')}`,
    self: `
  SELECT s.key, 'self', o.id, o.request_id, NULL, NULL
    FROM (SELECT DISTINCT request_id FROM slots WHERE $3::boolean) r
   CROSS JOIN LATERAL (SELECT o.id, o.request_id, o.period FROM booking_occurrences o
                        WHERE o.request_id = r.request_id AND ${RULE.selfCounts('o')} OFFSET 0) o
    JOIN slots s ON ${RULE.selfOverlap('o', 's')}`,
    season: `
  SELECT a.key, 'season', NULL, NULL, se.id, se.name
    FROM sl a
    JOIN room_leaves held ON held.leaf_id = a.leaf_id
    JOIN season_rooms sr ON sr.room_id = held.room_id
    JOIN seasons se ON se.id = sr.season_id
   WHERE ${RULE.seasonHolds('se', 'a')}`,
  };
  return `
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
                               WHERE o.room_id = near.room_id AND ${RULE.pendingCounts('o')}
                                 AND o.period && (SELECT r FROM span) OFFSET 0) o
           JOIN room_leaves l ON l.room_id = o.room_id
          CROSS JOIN LATERAL ${days('o.period')} d(day)),
       claims AS MATERIALIZED (
         SELECT c.occurrence_id, c.leaf_room_id AS leaf_id, c.period, d.day
           FROM leaves
          CROSS JOIN LATERAL (SELECT c.occurrence_id, c.leaf_room_id, c.period FROM booking_claims c
                               WHERE c.leaf_room_id = leaves.leaf_id AND c.period && (SELECT r FROM span)
                                 AND ${RULE.claimCounts('c')} OFFSET 0) c
          CROSS JOIN LATERAL ${days('c.period')} d(day))
  ${kinds.map((k) => branches[k]).join('\n  UNION')}
   ORDER BY 1, 2, 3`;
};

/**
 * The rule's "whether" shape, over the same slots: each slot once, with `meets` true when it meets
 * anything of the rule ($3: its own request's other dates count; $4: other requests' pending dates
 * count). Per slot, an EXISTS probe of each kind by index (the pending GiST index by room first, the
 * cheapest probe; claims by leaf; seasons by room), stopping at the first found: the answer needs only
 * whether, not which.
 */
const meetingSql = (slots: string): string => `
  WITH slots AS MATERIALIZED (${slots})
  SELECT a.occ_id AS id, a.request_id, a.room_id, lower(a.period) AS starts_at, upper(a.period) AS ends_at,
         (($4::boolean AND EXISTS (
                SELECT 1 FROM room_leaves l
                  JOIN room_leaves n ON n.leaf_id = l.leaf_id
                  JOIN booking_occurrences b ON b.room_id = n.room_id
                 WHERE l.room_id = a.room_id AND ${RULE.pendingCounts('b')} AND b.period && a.period
                   AND ${RULE.otherRequest('b', 'a')}))
          OR EXISTS (SELECT 1 FROM room_leaves l JOIN booking_claims c ON c.leaf_room_id = l.leaf_id
                      WHERE l.room_id = a.room_id AND c.period && a.period AND ${RULE.claimCounts('c')})
          OR ($3::boolean AND EXISTS (
                SELECT 1 FROM booking_occurrences o
                 WHERE o.request_id = a.request_id AND ${RULE.selfCounts('o')} AND ${RULE.selfOverlap('o', 'a')}))
          OR EXISTS (SELECT 1 FROM room_leaves l
                       JOIN room_leaves held ON held.leaf_id = l.leaf_id
                       JOIN season_rooms sr ON sr.room_id = held.room_id
                       JOIN seasons se ON se.id = sr.season_id
                      WHERE l.room_id = a.room_id AND ${RULE.seasonHolds('se', 'a')})) AS meets
    FROM slots a`;

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

/** The pending occurrences of requests ($1: their ids), by the partial index on pending (request, start). */
const PENDING_OF_REQUESTS = `
  SELECT o.id::text AS key, o.id AS occ_id, o.request_id, q.season_id, o.room_id, o.period
    FROM booking_occurrences o JOIN booking_requests q ON q.id = o.request_id
   WHERE o.request_id = ANY($1::uuid[]) AND o.status = 'pending'`;

/**
 * The conflicts of stored occurrences ($1, $2, $3 as conflictRowsSql's) and the calendars of their
 * rooms ($4) over their span ($5, $6), as one row of two JSON arrays; currentConflictParams gives them.
 */
export const CURRENT_SQL = `
  SELECT (SELECT COALESCE(json_agg(c ORDER BY c.key, c.kind, c.occurrence_id), '[]')
            FROM (${conflictRowsSql(STORED_SLOTS)}) c) AS conflicts,
         (SELECT COALESCE(json_agg(k), '[]') FROM (${calendarsSql('$4', '$5', '$6')}) k) AS calendars`;

export const currentConflictParams = (occurrences: StoredSlot[], options: CurrentOptions = {}): unknown[] => {
  const { from, to } = spanOf(occurrences);
  return [occurrences.map((o) => o.id), [], options.self ?? true, roomsOf(occurrences), from, to];
};

const roomsOf = (occurrences: StoredSlot[]): string[] => [...new Set(occurrences.map((o) => o.roomId))];

/**
 * The rule over new times in one room, for detect and for a caller that reads it along with other
 * things in one statement (the booking plan): parameters $1–$6 as newSlotConflictParams gives them.
 */
export const NEW_SLOT_CONFLICTS_SQL = conflictRowsSql(NEW_SLOTS);

export const newSlotConflictParams = (
  roomId: string,
  slots: Slot[],
  options: DetectOptions = {},
): unknown[] => [
  options.requestId ?? null,
  options.ignoreOccurrenceIds ?? [],
  Boolean(options.requestId),
  roomId,
  slots.map((s) => s.startsAt),
  slots.map((s) => s.endsAt),
];

/** The first start and the last end of some slots: the period whose calendar they are checked against. */
export function spanOf(slots: Slot[]): { from: Date; to: Date } {
  return {
    from: new Date(Math.min(...slots.map((s) => s.startsAt.getTime()))),
    to: new Date(Math.max(...slots.map((s) => s.endsAt.getTime()))),
  };
}

/** The conflicts of each new slot: the rule's rows, the room's venue rules, and overlaps among the slots. */
export function conflictsOfNewSlots(
  slots: Slot[],
  rows: ConflictRow[],
  calendar: RoomCalendar,
): Conflict[][] {
  const conflicts: Conflict[][] = slots.map((slot) => venueConflicts(calendar, slot));
  for (const row of rows) conflicts[Number(row.key) - 1].push(toConflict(row));
  addSelfOverlaps(slots, conflicts);
  return conflicts;
}

/**
 * Finds conflicts, in one place for every caller: new times before they are stored (a request being
 * made or quoted, a move) with `detect`, and stored pending occurrences as they stand now (request
 * views and lists, approval, GET /conflicts) with `current`; whether stored ones meet anything (the
 * inbox's mark) with `meeting`, and which pending dates compete (GET /conflicts' groups) with
 * `competitors`. All run the one rule above, then the venue rules (closure, holiday,
 * outside_opening_hours) from the rooms' calendars.
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
    const { from, to } = spanOf(slots);
    // One after the other: inside a transaction both queries share one connection.
    const rows = await preparedQuery<ConflictRow>(
      m,
      'frirom_conflicts_new',
      NEW_SLOT_CONFLICTS_SQL,
      newSlotConflictParams(roomId, slots, options),
    );
    return conflictsOfNewSlots(slots, rows, await this.calendars.calendar(roomId, from, to, m));
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
    }>(m, 'frirom_conflicts_current', CURRENT_SQL, currentConflictParams(occurrences, options));
    const calendars = toCalendars(calendarRows);
    for (const o of occurrences) found.set(o.id, venueConflicts(calendars.get(o.roomId)!, o));
    for (const row of rows) found.get(row.key)!.push(toConflict(row));
    return found;
  }

  /**
   * Whether, not which: the stored pending occurrences that meet anything as things stand now, by the
   * same rule as `current` (and so the same answer as `current`'s list being non-empty), in its
   * "whether" shape, an EXISTS probe per occurrence; then the venue rules for those that met nothing
   * there. The inbox's mark, and GET /conflicts' lone occurrences, need no more.
   */
  async meeting(m: EntityManager, of: StoredSlots, options: MeetingOptions = {}): Promise<StoredSlot[]> {
    const [name, source, ids]: [string, string, string[]] =
      'occurrenceIds' in of
        ? ['frirom_conflicts_meeting', STORED_SLOTS, of.occurrenceIds]
        : ['frirom_conflicts_meeting_requests', PENDING_OF_REQUESTS, of.pendingOfRequests];
    if (ids.length === 0) return [];
    const rows = await preparedQuery<MeetingRow>(m, name, meetingSql(source), [
      ids,
      [],
      options.self ?? true,
      options.competition ?? true,
    ]);
    const slot = (r: MeetingRow): StoredSlot => ({
      id: r.id,
      requestId: r.request_id,
      roomId: r.room_id,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
    });
    const met = rows.filter((r) => r.meets).map(slot);
    const rest = rows.filter((r) => !r.meets).map(slot);
    if (rest.length === 0) return met;
    const calendars = await this.calendarsOf(m, rest);
    return [...met, ...rest.filter((o) => venueConflicts(calendars.get(o.roomId)!, o).length > 0)];
  }

  /**
   * The other requests' pending occurrences each stored occurrence competes with (the rule's `request`
   * kind alone, without the venue rules): GET /conflicts forms its groups from them.
   */
  async competitors(m: EntityManager, occurrences: StoredSlot[]): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>(occurrences.map((o) => [o.id, []]));
    if (occurrences.length === 0) return found;
    const rows = await preparedQuery<ConflictRow>(
      m,
      'frirom_conflicts_competitors',
      conflictRowsSql(STORED_SLOTS, ['request']),
      [occurrences.map((o) => o.id), []],
    );
    for (const row of rows) found.get(row.key)!.push(row.occurrence_id!);
    return found;
  }

  /** The calendars of the occurrences' rooms over their span, in one query. */
  private calendarsOf(m: EntityManager, occurrences: StoredSlot[]): Promise<Map<string, RoomCalendar>> {
    const { from, to } = spanOf(occurrences);
    return this.calendars.calendars(m, roomsOf(occurrences), from, to);
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

import { EntityManager } from 'typeorm';
import type { AgeGroup, BuildingKind, OrganisationKind, RoomKind } from '../core/domain';
import type { Span } from '../core/statistics/day-parts';
import type { RollupOccurrence, RollupResult, RollupRoom } from '../core/statistics/rollup';
import type { OpeningWindow } from '../core/venues/opening-hours';

/** Reading what the rollup needs and writing what it computes, in bulk. */

interface RoomRow {
  id: string;
  building_id: string;
  building_kind: BuildingKind;
  kind: RoomKind;
  closed_on_public_holidays: boolean;
  leaves: number;
  is_leaf: boolean;
  hours: OpeningWindow[];
}

/** Every room with its building, leaves and weekly opening hours; closures are added per period. */
export async function loadRooms(m: EntityManager): Promise<RollupRoom[]> {
  const rows = await m.query<RoomRow[]>(`
    SELECT r.id, r.building_id, b.kind AS building_kind, r.kind, b.closed_on_public_holidays,
           greatest(1, (SELECT count(*) FROM room_leaves l WHERE l.room_id = r.id))::int AS leaves,
           NOT EXISTS (SELECT 1 FROM room_leaves l WHERE l.room_id = r.id AND l.leaf_id <> r.id) AS is_leaf,
           COALESCE((SELECT json_agg(json_build_object('weekday', h.weekday, 'opens', h.opens, 'closes', h.closes))
                       FROM opening_hours h WHERE h.room_id = r.id), '[]') AS hours
      FROM rooms r JOIN buildings b ON b.id = r.building_id`);
  return rows.map((r) => ({
    id: r.id,
    buildingId: r.building_id,
    buildingKind: r.building_kind,
    kind: r.kind,
    leaves: r.leaves,
    isLeaf: r.is_leaf,
    calendar: { openingHours: r.hours, closures: [], closedOnPublicHolidays: r.closed_on_public_holidays },
  }));
}

/**
 * Closures reaching each room within [start, end): of its building, of the room itself, or of any room
 * sharing a leaf with it (closing a court closes its hall, and the reverse), as RoomCalendarService reads them.
 */
export async function loadClosures(m: EntityManager, start: Date, end: Date): Promise<Map<string, Span[]>> {
  const rows = await m.query<{ room_id: string; s: number; e: number }[]>(
    `WITH c AS (
       SELECT room_id, building_id, extract(epoch FROM starts_at)::float8 * 1000 AS s,
              extract(epoch FROM ends_at)::float8 * 1000 AS e
         FROM closures WHERE starts_at < $2 AND ends_at > $1
     )
     SELECT r.id AS room_id, c.s, c.e FROM c JOIN rooms r ON r.building_id = c.building_id
     UNION
     SELECT c.room_id, c.s, c.e FROM c WHERE c.room_id IS NOT NULL
     UNION
     SELECT mine.room_id, c.s, c.e FROM c
       JOIN room_leaves other ON other.room_id = c.room_id
       JOIN room_leaves mine ON mine.leaf_id = other.leaf_id`,
    [start, end],
  );
  const byRoom = new Map<string, Span[]>();
  for (const r of rows) {
    const list = byRoom.get(r.room_id) ?? [];
    list.push([r.s, r.e]);
    byRoom.set(r.room_id, list);
  }
  return byRoom;
}

interface OccurrenceRow {
  room_id: string;
  organisation_id: string;
  organisation_kind: OrganisationKind;
  age_group: AgeGroup;
  rule_id: string | null;
  s: number;
  e: number;
  status: 'approved' | 'cancelled';
  cancelled_late: boolean | null;
  attendance: 'used' | 'no_show' | null;
  participants: number | null;
  list_ore: number;
  waived_ore: number;
  charged_ore: number;
}

/** Approved and cancelled occurrences overlapping [start, end), with their request's organisation and age group. */
export async function loadOccurrences(m: EntityManager, start: Date, end: Date): Promise<RollupOccurrence[]> {
  const rows = await m.query<OccurrenceRow[]>(
    `SELECT o.room_id, r.organisation_id, org.kind AS organisation_kind, r.age_group, o.rule_id,
            extract(epoch FROM o.starts_at)::float8 * 1000 AS s, extract(epoch FROM o.ends_at)::float8 * 1000 AS e,
            o.status, o.cancelled_late, o.attendance, o.participants, o.list_ore, o.waived_ore, o.charged_ore
       FROM booking_occurrences o
       JOIN booking_requests r ON r.id = o.request_id
       JOIN organisations org ON org.id = r.organisation_id
      WHERE o.status IN ('approved', 'cancelled') AND o.starts_at < $2 AND o.ends_at > $1`,
    [start, end],
  );
  return rows.map((r) => ({
    roomId: r.room_id,
    organisationId: r.organisation_id,
    organisationKind: r.organisation_kind,
    ageGroup: r.age_group,
    ruleId: r.rule_id,
    start: r.s,
    end: r.e,
    status: r.status,
    cancelledLate: r.cancelled_late,
    attendance: r.attendance,
    participants: r.participants,
    listOre: r.list_ore,
    waivedOre: r.waived_ore,
    chargedOre: r.charged_ore,
  }));
}

const BATCH = 5_000;

/** Inserts rows column-wise through unnest, in batches: one round trip per few thousand rows. */
async function insertColumns<T>(
  m: EntityManager,
  table: string,
  columns: [name: string, type: string, value: (row: T) => unknown, cast?: string][],
  rows: readonly T[],
): Promise<void> {
  const names = columns.map(([name]) => name).join(', ');
  const params = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const select = columns.map(([, , , cast], i) => `c${i}${cast ? `::${cast}` : ''}`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    await m.query(
      `INSERT INTO ${table} (${names}) SELECT ${select} FROM unnest(${params}) AS t(${aliases})`,
      columns.map(([, , value]) => chunk.map(value)),
    );
  }
}

/** Replaces the rollup of these dates with `result`: delete, then insert (the caller holds the transaction). */
export async function replaceDays(m: EntityManager, dates: string[], result: RollupResult): Promise<void> {
  for (const table of ['stats_daily_usage', 'stats_room_days', 'stats_building_hours'])
    await m.query(`DELETE FROM ${table} WHERE date = ANY($1::date[])`, [dates]);
  await insertColumns(
    m,
    'stats_daily_usage',
    [
      ['date', 'date', (r) => r.date],
      ['room_id', 'uuid', (r) => r.roomId],
      ['building_id', 'uuid', (r) => r.buildingId],
      ['room_kind', 'text', (r) => r.roomKind],
      ['organisation_id', 'uuid', (r) => r.organisationId],
      ['organisation_kind', 'text', (r) => r.organisationKind],
      ['age_group', 'text', (r) => r.ageGroup],
      ['rule_id', 'uuid', (r) => r.ruleId],
      ['occurrences', 'int', (r) => r.occurrences],
      ['booked_seconds', 'int', (r) => r.bookedSeconds],
      ['used_seconds', 'int', (r) => r.usedSeconds],
      ['no_show_seconds', 'int', (r) => r.noShowSeconds],
      ['cancelled_late_seconds', 'int', (r) => r.cancelledLateSeconds],
      ['cancelled_in_time_seconds', 'int', (r) => r.cancelledInTimeSeconds],
      ['booked_leaf_seconds', 'int', (r) => r.bookedLeafSeconds],
      ['participants', 'int', (r) => r.participants],
      ['list_ore', 'int', (r) => r.listOre],
      ['waived_ore', 'int', (r) => r.waivedOre],
      ['charged_ore', 'int', (r) => r.chargedOre],
    ],
    result.usage,
  );
  await insertColumns(
    m,
    'stats_room_days',
    [
      ['date', 'date', (r) => r.date],
      ['room_id', 'uuid', (r) => r.roomId],
      ['building_id', 'uuid', (r) => r.buildingId],
      ['room_kind', 'text', (r) => r.roomKind],
      ['leaves', 'smallint', (r) => r.leaves],
      ['is_leaf', 'boolean', (r) => r.isLeaf],
      ['open_seconds', 'int', (r) => r.openSeconds],
    ],
    result.roomDays,
  );
  // Arrays of arrays do not unnest row by row: the hours go as one text literal per row.
  await insertColumns(
    m,
    'stats_building_hours',
    [
      ['date', 'date', (r) => r.date],
      ['building_id', 'uuid', (r) => r.buildingId],
      ['building_kind', 'text', (r) => r.buildingKind],
      ['open_leaf_seconds', 'text', (r) => `{${r.openLeafSeconds.join(',')}}`, 'int[]'],
      ['booked_leaf_seconds', 'text', (r) => `{${r.bookedLeafSeconds.join(',')}}`, 'int[]'],
    ],
    result.buildingHours,
  );
  await m.query(
    `INSERT INTO stats_computed_days (date, computed_at) SELECT d, now() FROM unnest($1::date[]) AS d
     ON CONFLICT (date) DO UPDATE SET computed_at = excluded.computed_at`,
    [dates],
  );
}

const MEASURE_COLUMNS = [
  'occurrences',
  'booked_seconds',
  'used_seconds',
  'no_show_seconds',
  'cancelled_late_seconds',
  'cancelled_in_time_seconds',
  'booked_leaf_seconds',
  'participants',
  'list_ore',
  'waived_ore',
  'charged_ore',
];

/** Rebuilds a month's rows of the monthly tables from its daily rows ('YYYY-MM-01'). */
export async function refreshMonth(m: EntityManager, month: string): Promise<void> {
  const inMonth = `date >= $1::date AND date < $1::date + interval '1 month'`;
  await m.query(`DELETE FROM stats_monthly_usage WHERE month = $1`, [month]);
  await m.query(
    `INSERT INTO stats_monthly_usage (month, weekday, room_id, building_id, room_kind, organisation_id,
                                      organisation_kind, age_group, rule_id, ${MEASURE_COLUMNS.join(', ')})
     SELECT $1::date, extract(isodow FROM date)::int, room_id, building_id, room_kind, organisation_id,
            organisation_kind, age_group, rule_id, ${MEASURE_COLUMNS.map((c) => `sum(${c})`).join(', ')}
       FROM stats_daily_usage WHERE ${inMonth}
      GROUP BY 2, room_id, building_id, room_kind, organisation_id, organisation_kind, age_group, rule_id`,
    [month],
  );
  await m.query(`DELETE FROM stats_room_months WHERE month = $1`, [month]);
  // A room's building, kind and sections rarely change within a month: the month keeps one of each.
  await m.query(
    `INSERT INTO stats_room_months (month, weekday, room_id, building_id, room_kind, leaves, is_leaf, open_seconds)
     SELECT $1::date, extract(isodow FROM date)::int, room_id, (array_agg(building_id))[1], max(room_kind),
            max(leaves), bool_and(is_leaf), sum(open_seconds)
       FROM stats_room_days WHERE ${inMonth}
      GROUP BY 2, room_id`,
    [month],
  );
}

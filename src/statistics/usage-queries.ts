import { EntityManager } from 'typeorm';
import { addDays } from '../common/time';
import type { OrganisationKind, RoomKind } from '../core/domain';
import type { UsageCounts } from '../core/statistics/rollup';

/** Reading the rollup tables (never the occurrences): the figures of a period, grouped one way. */

export const GROUP_BYS = [
  'building',
  'room',
  'organisationKind',
  'ageGroup',
  'month',
  'weekday',
  'exemptionRule',
  'organisation',
] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export interface UsageFilter {
  from: string;
  to: string;
  buildingId?: string;
  roomKind?: RoomKind;
  organisationKind?: OrganisationKind;
}

export interface Figures extends UsageCounts {
  /** Organisations with booked time in the group. */
  organisations: number;
  /** Open time shown for the group: the room's own, or (other groupings) that of the leaf rooms. */
  openSeconds: number;
  /** The denominator of utilisation, in leaf-room seconds. */
  capacitySeconds: number;
}

export const emptyFigures = (): Figures => ({
  occurrences: 0,
  bookedSeconds: 0,
  usedSeconds: 0,
  noShowSeconds: 0,
  cancelledLateSeconds: 0,
  cancelledInTimeSeconds: 0,
  bookedLeafSeconds: 0,
  participants: 0,
  listOre: 0,
  waivedOre: 0,
  chargedOre: 0,
  organisations: 0,
  openSeconds: 0,
  capacitySeconds: 0,
});

/** Keys over the columns both sources share (see `source`): month is a month's first day. */
const USAGE_KEY: Record<GroupBy, string> = {
  building: 'building_id::text',
  room: 'room_id::text',
  organisationKind: 'organisation_kind',
  ageGroup: 'age_group',
  month: `to_char(month, 'YYYY-MM')`,
  weekday: 'weekday::text',
  exemptionRule: `coalesce(rule_id::text, 'none')`,
  organisation: 'organisation_id::text',
};

/** Groupings that open time has too; the others share the open time of everything in scope. */
const CAPACITY_KEY: Partial<Record<GroupBy, string>> = {
  building: USAGE_KEY.building,
  room: USAGE_KEY.room,
  month: USAGE_KEY.month,
  weekday: USAGE_KEY.weekday,
};

const USAGE_COLUMNS = `room_id, building_id, room_kind, organisation_id, organisation_kind, age_group, rule_id,
  occurrences, booked_seconds, used_seconds, no_show_seconds, cancelled_late_seconds, cancelled_in_time_seconds,
  booked_leaf_seconds, participants, list_ore, waived_ore, charged_ore`;
const ROOM_COLUMNS = 'room_id, building_id, room_kind, leaves, is_leaf, open_seconds';

const MEASURES = `sum(occurrences) AS occ, sum(booked_seconds) AS booked, sum(used_seconds) AS used,
  sum(no_show_seconds) AS no_show, sum(cancelled_late_seconds) AS late, sum(cancelled_in_time_seconds) AS in_time,
  sum(booked_leaf_seconds) AS leaf, sum(participants) AS participants, sum(list_ore) AS list,
  sum(waived_ore) AS waived, sum(charged_ore) AS charged`;

interface UsageSqlRow {
  key: string | null;
  total: boolean;
  occ: number;
  booked: number;
  used: number;
  no_show: number;
  late: number;
  in_time: number;
  leaf: number;
  participants: number;
  list: number;
  waived: number;
  charged: number;
  organisations: number;
}

const monthStart = (date: string): string => `${date.slice(0, 7)}-01`;
function nextMonthStart(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
const lastOfMonth = (date: string): string => addDays(nextMonthStart(date), -1);

/**
 * The rows of a period from the daily and monthly tables of a kind, as one relation with columns
 * month, weekday and the table's own: whole months from the monthly table (a weekly series is one row
 * a month there), the days at the edges from the daily one.
 */
function source(
  kind: 'usage' | 'rooms',
  filter: UsageFilter,
  withOrganisationKind: boolean,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  const filters: string[] = [];
  if (filter.buildingId) filters.push(`building_id = ${p(filter.buildingId)}`);
  if (filter.roomKind) filters.push(`room_kind = ${p(filter.roomKind)}`);
  if (withOrganisationKind && filter.organisationKind)
    filters.push(`organisation_kind = ${p(filter.organisationKind)}`);
  const [daily, monthly, columns] =
    kind === 'usage'
      ? ['stats_daily_usage', 'stats_monthly_usage', USAGE_COLUMNS]
      : ['stats_room_days', 'stats_room_months', ROOM_COLUMNS];
  const firstWhole = filter.from === monthStart(filter.from) ? filter.from : nextMonthStart(filter.from);
  const lastWhole =
    filter.to === lastOfMonth(filter.to)
      ? monthStart(filter.to)
      : monthStart(addDays(monthStart(filter.to), -1));
  const dayRanges: [string, string][] = [];
  const parts: string[] = [];
  if (firstWhole <= lastWhole) {
    if (filter.from < firstWhole) dayRanges.push([filter.from, addDays(firstWhole, -1)]);
    if (filter.to > lastOfMonth(lastWhole)) dayRanges.push([nextMonthStart(lastWhole), filter.to]);
    parts.push(
      `SELECT month, weekday, ${columns} FROM ${monthly}
        WHERE ${[`month BETWEEN ${p(firstWhole)}::date AND ${p(lastWhole)}::date`, ...filters].join(' AND ')}`,
    );
  } else {
    dayRanges.push([filter.from, filter.to]);
  }
  for (const [a, b] of dayRanges)
    parts.push(
      `SELECT date_trunc('month', date)::date AS month, extract(isodow FROM date)::smallint AS weekday, ${columns}
         FROM ${daily} WHERE ${[`date BETWEEN ${p(a)}::date AND ${p(b)}::date`, ...filters].join(' AND ')}`,
    );
  return { sql: parts.join(' UNION ALL '), params };
}

/**
 * The figures per group and overall, in two scans: the usage rows, grouped first by group and
 * organisation so that organisations are counted once per group and once overall; and open time.
 * One snapshot, with memory enough to hash a year's rows without spilling to disk.
 */
export async function usageFigures(
  m: EntityManager,
  filter: UsageFilter,
  groupBy: GroupBy | null,
): Promise<{ groups: Map<string, Figures>; overall: Figures }> {
  if (!m.queryRunner?.isTransactionActive)
    return m.transaction('REPEATABLE READ', (tm) => usageFigures(tm, filter, groupBy));
  await m.query(`SET LOCAL work_mem = '64MB'`);
  await m.query('SET LOCAL jit = off');
  const groups = new Map<string, Figures>();
  const overall = emptyFigures();
  const key = groupBy ? USAGE_KEY[groupBy] : null;
  const usage = source('usage', filter, true);
  const inner = key
    ? `SELECT ${key} AS key, GROUPING(${key}) = 1 AS total, organisation_id, ${MEASURES}
         FROM (${usage.sql}) u GROUP BY GROUPING SETS ((${key}, organisation_id), (organisation_id))`
    : `SELECT NULL::text AS key, true AS total, organisation_id, ${MEASURES}
         FROM (${usage.sql}) u GROUP BY organisation_id`;
  const rows = await m.query<UsageSqlRow[]>(
    `SELECT key, total, sum(occ)::float8 AS occ, sum(booked)::float8 AS booked, sum(used)::float8 AS used,
            sum(no_show)::float8 AS no_show, sum(late)::float8 AS late, sum(in_time)::float8 AS in_time,
            sum(leaf)::float8 AS leaf, sum(participants)::float8 AS participants, sum(list)::float8 AS list,
            sum(waived)::float8 AS waived, sum(charged)::float8 AS charged,
            (count(*) FILTER (WHERE booked > 0))::int AS organisations
       FROM (${inner}) g GROUP BY key, total`,
    usage.params,
  );
  for (const r of rows) {
    const target = r.total ? overall : emptyFigures();
    Object.assign(target, {
      occurrences: r.occ,
      bookedSeconds: r.booked,
      usedSeconds: r.used,
      noShowSeconds: r.no_show,
      cancelledLateSeconds: r.late,
      cancelledInTimeSeconds: r.in_time,
      bookedLeafSeconds: r.leaf,
      participants: r.participants,
      listOre: r.list,
      waivedOre: r.waived,
      chargedOre: r.charged,
      organisations: r.organisations,
    });
    if (!r.total && r.key !== null) groups.set(r.key, target);
  }

  const capacityKey = groupBy ? CAPACITY_KEY[groupBy] : undefined;
  const rooms = source('rooms', filter, false);
  const capacity = await m.query<
    { key: string | null; total: boolean; own: number; own_leaves: number; leaf: number }[]
  >(
    `SELECT ${capacityKey ?? 'NULL::text'} AS key, ${capacityKey ? `GROUPING(${capacityKey}) = 1` : 'true'} AS total,
            coalesce(sum(open_seconds), 0)::float8 AS own,
            coalesce(sum(open_seconds * leaves), 0)::float8 AS own_leaves,
            coalesce(sum(open_seconds) FILTER (WHERE is_leaf), 0)::float8 AS leaf
       FROM (${rooms.sql}) r
      ${capacityKey ? `GROUP BY GROUPING SETS ((${capacityKey}), ())` : ''}`,
    rooms.params,
  );
  for (const c of capacity) {
    if (c.total) {
      overall.openSeconds = c.leaf;
      overall.capacitySeconds = c.leaf;
      continue;
    }
    if (c.key === null) continue;
    let target = groups.get(c.key);
    if (!target) groups.set(c.key, (target = emptyFigures()));
    // A room's own open time; its capacity counts every leaf it occupies, as its bookings do.
    target.openSeconds = groupBy === 'room' ? c.own : c.leaf;
    target.capacitySeconds = groupBy === 'room' ? c.own_leaves : c.leaf;
  }
  if (!capacityKey) {
    for (const g of groups.values()) {
      g.openSeconds = overall.openSeconds;
      g.capacitySeconds = overall.capacitySeconds;
    }
  }
  return { groups, overall };
}

/** Days of the period computed, and of those marked for recomputation. */
export async function coverage(
  m: EntityManager,
  from: string,
  to: string,
): Promise<{ computedDays: number; staleDays: number }> {
  const [row] = await m.query<{ computed: number; stale: number }[]>(
    `SELECT (SELECT count(*) FROM stats_computed_days WHERE date BETWEEN $1 AND $2)::int AS computed,
            (SELECT count(*) FROM stats_dirty_days WHERE date BETWEEN $1 AND $2)::int AS stale`,
    [from, to],
  );
  return { computedDays: row.computed, staleDays: row.stale };
}

export const hours = (seconds: number): number => Math.round(seconds / 36) / 100;
export const ratio = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

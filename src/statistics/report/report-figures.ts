import { EntityManager } from 'typeorm';
import type { Locale } from '../csv';
import { BreakdownView, ChangeView, HeadlineView } from '../dto/report.dto';
import { daysBetween } from '../period';
import { emptyFigures, GroupBy, hours, ratio, usageFigures } from '../usage-queries';
import { groupLabels, toRowView } from '../usage.service';

/** The evaluation's figures, all read from the rollup tables. */

export interface Period {
  from: string;
  to: string;
}

/** School hours: weekdays 08:00–16:00 local time. */
const SCHOOL_DAY = { weekdays: [1, 2, 3, 4, 5], fromHour: 8, toHour: 16 };

export async function headline(m: EntityManager, p: Period): Promise<HeadlineView> {
  const { groups, overall } = await usageFigures(m, p, 'ageGroup');
  const young = ['children', 'youth'].reduce((sum, g) => sum + (groups.get(g)?.bookedSeconds ?? 0), 0);
  const recorded = overall.usedSeconds + overall.noShowSeconds;
  const [school] = await m.query<{ open: number; booked: number }[]>(
    `SELECT coalesce(sum(u.o), 0)::float8 AS open, coalesce(sum(u.b), 0)::float8 AS booked
       FROM stats_building_hours h,
            unnest(h.open_leaf_seconds, h.booked_leaf_seconds) WITH ORDINALITY AS u(o, b, n)
      WHERE h.date BETWEEN $1 AND $2 AND h.building_kind = 'school'
        AND (extract(isodow FROM h.date) <> ALL($3::int[]) OR u.n - 1 < $4 OR u.n - 1 >= $5)`,
    [p.from, p.to, SCHOOL_DAY.weekdays, SCHOOL_DAY.fromHour, SCHOOL_DAY.toHour],
  );
  return {
    days: daysBetween(p.from, p.to),
    usedHours: hours(overall.usedSeconds),
    bookedHours: hours(overall.bookedSeconds),
    noShowHours: hours(overall.noShowSeconds),
    unrecordedHours: hours(overall.bookedSeconds - recorded),
    cancelledLateHours: hours(overall.cancelledLateSeconds),
    cancelledInTimeHours: hours(overall.cancelledInTimeSeconds),
    occurrences: overall.occurrences,
    organisationsReached: overall.organisations,
    participants: overall.participants,
    childrenAndYouthShare: ratio(young, overall.bookedSeconds),
    listOre: overall.listOre,
    waivedOre: overall.waivedOre,
    chargedOre: overall.chargedOre,
    noShowRate: ratio(overall.noShowSeconds, recorded),
    attendanceRecordedShare: ratio(recorded, overall.bookedSeconds),
    utilisation: ratio(overall.bookedLeafSeconds, overall.capacitySeconds),
    schoolUtilisationOutsideSchoolHours: ratio(school.booked, school.open),
  };
}

/** Per figure of the headline: both values, the difference and the relative change. */
export function changes(current: HeadlineView, comparison: HeadlineView): Record<string, ChangeView> {
  const out: Record<string, ChangeView> = {};
  for (const key of Object.keys(current) as (keyof HeadlineView)[]) {
    if (key === 'days') continue;
    const [a, b] = [current[key], comparison[key]];
    const difference = a === null || b === null ? null : round(a - b);
    out[key] = {
      current: a,
      comparison: b,
      difference,
      relative: difference === null || !b ? null : round(difference / b, 4),
    };
  }
  return out;
}

const round = (n: number, decimals = 4): number => Math.round(n * 10 ** decimals) / 10 ** decimals;

/** One grouping for both periods, side by side; groups present in either. */
export async function breakdown(
  m: EntityManager,
  groupBy: GroupBy,
  current: Period,
  comparison: Period | null,
  locale: Locale,
): Promise<BreakdownView[]> {
  const now = (await usageFigures(m, current, groupBy)).groups;
  const before = comparison ? (await usageFigures(m, comparison, groupBy)).groups : null;
  const keys = [...new Set([...now.keys(), ...(before?.keys() ?? [])])];
  const labels = await groupLabels(m, groupBy, keys, locale);
  const empty = (key: string) => toRowView(key, labels.get(key) ?? key, emptyFigures());
  return keys
    .map((key) => {
      const label = labels.get(key) ?? key;
      const a = now.get(key);
      const b = before?.get(key);
      return {
        key,
        label,
        current: a ? toRowView(key, label, a) : empty(key),
        comparison: before ? (b ? toRowView(key, label, b) : empty(key)) : null,
      };
    })
    .sort((x, y) => y.current.bookedHours - x.current.bookedHours || x.label.localeCompare(y.label, 'nb'));
}

/** Booked hours per month (YYYY-MM, every month of the period) and organisation kind. */
export async function hoursByMonthAndKind(
  m: EntityManager,
  p: Period,
): Promise<{ months: string[]; byKind: Map<string, number[]> }> {
  const months: string[] = [];
  for (let month = p.from.slice(0, 7); month <= p.to.slice(0, 7); month = nextMonth(month))
    months.push(month);
  const rows = await m.query<{ month: string; kind: string; booked: number }[]>(
    `SELECT to_char(date, 'YYYY-MM') AS month, organisation_kind AS kind, sum(booked_seconds)::float8 AS booked
       FROM stats_daily_usage WHERE date BETWEEN $1 AND $2 GROUP BY 1, 2`,
    [p.from, p.to],
  );
  const byKind = new Map<string, number[]>();
  for (const r of rows) {
    const values = byKind.get(r.kind) ?? new Array<number>(months.length).fill(0);
    values[months.indexOf(r.month)] = hours(r.booked);
    byKind.set(r.kind, values);
  }
  return { months, byKind };
}

function nextMonth(month: string): string {
  const [y, mo] = month.split('-').map(Number);
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

/** Utilisation by ISO weekday (rows 0–6) and wall-clock hour (columns 0–23); null where never open. */
export async function utilisationByHour(m: EntityManager, p: Period): Promise<(number | null)[][]> {
  const rows = await m.query<{ weekday: number; hour: number; open: number; booked: number }[]>(
    `SELECT extract(isodow FROM h.date)::int AS weekday, (u.n - 1)::int AS hour,
            sum(u.o)::float8 AS open, sum(u.b)::float8 AS booked
       FROM stats_building_hours h,
            unnest(h.open_leaf_seconds, h.booked_leaf_seconds) WITH ORDINALITY AS u(o, b, n)
      WHERE h.date BETWEEN $1 AND $2 GROUP BY 1, 2`,
    [p.from, p.to],
  );
  const grid = Array.from({ length: 7 }, () => new Array<number | null>(24).fill(null));
  for (const r of rows) grid[r.weekday - 1][r.hour] = r.open > 0 ? Math.min(1, r.booked / r.open) : null;
  return grid;
}

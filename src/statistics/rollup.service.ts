import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { addDays, osloDayBounds, osloToday } from '../common/time';
import { rollupDays, RollupRoom } from '../core/statistics/rollup';
import { loadClosures, loadOccurrences, loadRooms, refreshMonth, replaceDays } from './rollup-queries';

export interface RollupOptions {
  /** Run inside this transaction (the demo seed) instead of one transaction per month. */
  manager?: EntityManager;
  /** Called after each month with the share done, 0–1. */
  onProgress?: (fraction: number) => Promise<void> | void;
}

export interface RollupSummary {
  days: number;
  from: string | null;
  to: string | null;
  usageRows: number;
  roomDays: number;
  ms: number;
}

/** The nightly run recomputes the last week (attendance is recorded late) and the coming year. */
const NIGHTLY_BACK_DAYS = 7;
const NIGHTLY_AHEAD_DAYS = 366;
/** …and fills in days of the past 400 never computed. */
const NIGHTLY_FILL_DAYS = 400;

/**
 * Computes the usage rollup (core/statistics/rollup.ts) for days and stores it: the days of a month are
 * deleted and inserted again in one transaction, with the month's monthly rows, so recomputing is
 * idempotent and readers never see a half-written day. Writers are serialised by an advisory lock; the
 * dirty marks of the days are cleared before their occurrences are read, so a change committed
 * meanwhile marks its day again.
 */
@Injectable()
export class RollupService {
  private readonly logger = new Logger('StatsRollup');

  constructor(private readonly dataSource: DataSource) {}

  /** Every day from `from` to `to`, inclusive. */
  recompute(from: string, to: string, options: RollupOptions = {}): Promise<RollupSummary> {
    const dates: string[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
    return this.recomputeDates(dates, options);
  }

  /** The nightly job: marked days, days never computed in the last 400, and a window around today. */
  async nightly(options: RollupOptions = {}, today = osloToday()): Promise<RollupSummary> {
    const m = options.manager ?? this.dataSource.manager;
    const windowFrom = addDays(today, -NIGHTLY_BACK_DAYS);
    const dirty = await m.query<{ date: string }[]>(
      `SELECT date::text AS date FROM stats_dirty_days WHERE date < $1`,
      [windowFrom],
    );
    const missing = await m.query<{ date: string }[]>(
      `SELECT d::date::text AS date FROM generate_series($1::date, $2::date, interval '1 day') AS d
        WHERE NOT EXISTS (SELECT 1 FROM stats_computed_days c WHERE c.date = d::date)`,
      [addDays(today, -NIGHTLY_FILL_DAYS), addDays(windowFrom, -1)],
    );
    const dates = new Set([...dirty, ...missing].map((r) => r.date));
    for (let d = windowFrom; d <= addDays(today, NIGHTLY_AHEAD_DAYS); d = addDays(d, 1)) dates.add(d);
    return this.recomputeDates([...dates], options);
  }

  /** Days marked dirty or never computed among these: what a report must refresh before it reads. */
  async staleDates(from: string, to: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ date: string }[]>(
      `SELECT d::date::text AS date FROM generate_series($1::date, $2::date, interval '1 day') AS d
        WHERE EXISTS (SELECT 1 FROM stats_dirty_days x WHERE x.date = d::date)
           OR NOT EXISTS (SELECT 1 FROM stats_computed_days c WHERE c.date = d::date)`,
      [from, to],
    );
    return rows.map((r) => r.date);
  }

  async recomputeDates(dates: string[], options: RollupOptions = {}): Promise<RollupSummary> {
    const started = Date.now();
    const sorted = [...new Set(dates)].sort();
    const summary: RollupSummary = {
      days: sorted.length,
      from: sorted[0] ?? null,
      to: sorted[sorted.length - 1] ?? null,
      usageRows: 0,
      roomDays: 0,
      ms: 0,
    };
    if (sorted.length === 0) return summary;
    const rooms = await loadRooms(options.manager ?? this.dataSource.manager);
    const chunks = chunkDates(sorted);
    for (let i = 0; i < chunks.length; i++) {
      const work = async (m: EntityManager) => {
        await m.query(`SELECT pg_advisory_xact_lock(hashtext('frirom:stats-rollup'))`);
        const written = await this.recomputeChunk(m, rooms, chunks[i]);
        summary.usageRows += written.usageRows;
        summary.roomDays += written.roomDays;
      };
      if (options.manager) await work(options.manager);
      else await this.dataSource.transaction(work);
      await options.onProgress?.((i + 1) / chunks.length);
    }
    summary.ms = Date.now() - started;
    this.logger.log(
      { days: summary.days, from: summary.from, to: summary.to, rows: summary.usageRows, ms: summary.ms },
      'usage rollup recomputed',
    );
    return summary;
  }

  private async recomputeChunk(
    m: EntityManager,
    rooms: RollupRoom[],
    dates: string[],
  ): Promise<{ usageRows: number; roomDays: number }> {
    await m.query(`DELETE FROM stats_dirty_days WHERE date = ANY($1::date[])`, [dates]);
    const start = osloDayBounds(dates[0]).start;
    const end = osloDayBounds(dates[dates.length - 1]).end;
    const closures = await loadClosures(m, start, end);
    const withClosures = rooms.map((r) => ({
      ...r,
      calendar: { ...r.calendar, closures: closures.get(r.id) ?? [] },
    }));
    const occurrences = await loadOccurrences(m, start, end);
    const result = rollupDays(dates, withClosures, occurrences);
    await replaceDays(m, dates, result);
    await refreshMonth(m, `${dates[0].slice(0, 7)}-01`);
    return { usageRows: result.usage.length, roomDays: result.roomDays.length };
  }
}

/**
 * Sorted dates grouped by month: one transaction per month, which also rebuilds that month's monthly
 * rows (a month's rows at Oslo scale stay well within memory and lock time).
 */
export function chunkDates(sorted: readonly string[]): string[][] {
  const chunks: string[][] = [];
  for (const date of sorted) {
    const current = chunks[chunks.length - 1];
    if (current && current[0].slice(0, 7) === date.slice(0, 7)) current.push(date);
    else chunks.push([date]);
  }
  return chunks;
}

// Issue 7's benchmark at Oslo scale: (a) the usage rollup of a whole year, in process, as the worker
// runs it (target ≤ 60 s); (b) the nightly run; (c) GET /stats/usage for a year over HTTP, grouped by
// building (target p95 ≤ 1 s) and other ways.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays } from '../src/common/time';
import { dataSourceOptions } from '../src/database/data-source-options';
import { RollupService } from '../src/statistics/rollup.service';
import { startApi } from './api-process';
import { freshWorld } from './bench-db';
import { measure, Result, result } from './harness';
import { OSLO_WORLD } from './world-generator';

/**
 * The generated world has approved occurrences without fees or attendance: give them what a year of
 * real use leaves, in one statement. Deterministic by id: 2 % cancelled (a third late), 7 % no-show,
 * 3 % not recorded, the rest used with participants near the expected; rent from the duration at
 * 155 kr/h, waived whole for children and youth of voluntary and sports organisations, half for other
 * nonprofits, nothing for the rest.
 */
const ATTENDANCE_AND_FEES = `
  WITH facts AS (
    SELECT o.id, abs(hashtext(o.id::text)) % 1000 AS h, r.expected_participants AS expected,
           round(extract(epoch FROM o.ends_at - o.starts_at) / 3600 * 15500)::int AS list,
           CASE WHEN org.kind IN ('voluntary', 'sports') AND r.age_group IN ('children', 'youth') THEN 100
                WHEN org.kind IN ('voluntary', 'sports', 'study_association') THEN 50 ELSE 0 END AS pct
      FROM booking_occurrences o
      JOIN booking_requests r ON r.id = o.request_id
      JOIN organisations org ON org.id = r.organisation_id
  )
  UPDATE booking_occurrences o
     SET status = CASE WHEN f.h < 20 THEN 'cancelled' ELSE 'approved' END,
         cancelled_late = CASE WHEN f.h < 20 THEN f.h < 7 END,
         attendance = CASE WHEN f.h < 20 OR f.h BETWEEN 90 AND 119 THEN NULL
                           WHEN f.h < 90 THEN 'no_show' ELSE 'used' END,
         participants = CASE WHEN f.h >= 120 THEN greatest(1, f.expected - 4 + f.h % 9) END,
         list_ore = f.list, waived_ore = f.list * f.pct / 100, charged_ore = f.list - f.list * f.pct / 100,
         rule_id = CASE f.pct WHEN 100 THEN '00000000-0000-4000-8000-000000000100'::uuid
                              WHEN 50 THEN '00000000-0000-4000-8000-000000000050'::uuid END
    FROM facts f WHERE f.id = o.id`;

export async function statisticsBench(): Promise<Result[]> {
  const { url, world, loadMs } = await freshWorld('frirom_bench_stats', OSLO_WORLD);
  const scale = `${OSLO_WORLD.name} (${world.occurrences.toLocaleString('en')} occ.)`;
  process.stdout.write(`  loaded ${scale} in ${(loadMs / 1000).toFixed(1)} s\n`);
  const results: Result[] = [];
  // The calendar year the world's weekly series fill (they run 52 weeks from its first Monday).
  const year = OSLO_WORLD.from.slice(0, 4);
  const calendarYear = { from: `${year}-01-01`, to: `${year}-12-31` };
  const weeks = { from: OSLO_WORLD.from, to: addDays(OSLO_WORLD.from, 7 * OSLO_WORLD.weeks - 1) };

  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    let start = Date.now();
    await ds.query(ATTENDANCE_AND_FEES);
    await ds.query('VACUUM ANALYZE booking_occurrences');
    process.stdout.write(`  attendance and fees set in ${((Date.now() - start) / 1000).toFixed(1)} s\n`);

    Logger.overrideLogger(false);
    const rollup = new RollupService(ds);
    let rows = 0;
    const runs = await measure(
      3,
      async () => {
        rows = (await rollup.recompute(calendarYear.from, calendarYear.to)).usageRows;
      },
      0,
    );
    const note = `${rows.toLocaleString('en')} daily rows; the first run into empty tables; target ≤ 60 s`;
    results.push(result('(a) usage rollup of a calendar year, in process', scale, runs, note));
    start = Date.now();
    const nightly = await rollup.nightly();
    const label = '(b) nightly rollup (marked days, days never computed, last week, coming year)';
    results.push(result(label, scale, [Date.now() - start], `${nightly.days} days`));
    await ds.query('VACUUM ANALYZE');
  } finally {
    await ds.destroy();
  }

  const api = await startApi(url);
  try {
    const get = (groupBy: string, extra = '', period = calendarYear) => {
      const query = `from=${period.from}&to=${period.to}&groupBy=${groupBy}${extra}`;
      return async () => {
        const res = await fetch(`${api.baseUrl}/stats/usage?${query}`, {
          headers: { authorization: `Bearer ${api.staffToken}` },
        });
        if (res.status !== 200)
          throw new Error(`GET /stats/usage answered ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
      };
    };
    const n = Number(process.env.STATS_RUNS ?? 50);
    const half = Math.ceil(n / 2);
    const oneBuilding = `&buildingId=${world.buildingIds[0]}`;
    const cases: [string, () => Promise<void>, number, string?][] = [
      ['a calendar year by building', get('building'), n, 'target p95 ≤ 1 s'],
      ['a calendar year by building, CSV', get('building', '&format=csv'), n],
      ['52 weeks by building (edge days from daily rows)', get('building', '', weeks), n],
      ['a calendar year by month', get('month'), half],
      ['a calendar year by organisation', get('organisation'), half],
      ['a calendar year by room, one building', get('room', oneBuilding), half],
    ];
    for (const [what, fn, count, note] of cases)
      results.push(result(`(c) GET /stats/usage, ${what}`, scale, await measure(count, fn), note));
  } finally {
    await api.stop();
  }
  return results;
}

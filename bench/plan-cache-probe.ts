// Whether PostgreSQL keeps a generic plan for the approval's conflict recheck (`frirom_conflicts_current`,
// a named prepared statement), and what planning it each time costs: the statement for 70 stored pending
// dates, one at a time (the first 10 not counted), under plan_cache_mode auto and force_generic_plan,
// with the plan counts from pg_prepared_statements; then whole approvals (DecisionsService.approve, each
// rolled back, so the same requests serve again) of one date and of 40, and which plans the recheck got.
// (At 8d1f466, before lockRequest asked for generic plans, the approvals ran with auto and
// force_generic_plan in turn, so both met the same moment of a machine whose speed drifts.) Runs on the
// database the bookings bench leaves (`frirom_bench_oslo`, with BENCH_DB_SUFFIX as the bench had it):
//   npm run build && node dist/bench/run.js bookings && node dist/bench/plan-cache-probe.js
import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { servicesContext } from '../src/app.module';
import { BookingsModule } from '../src/bookings/bookings.module';
import { DecisionsService } from '../src/bookings/decisions.service';
import type { AuthUser } from '../src/common/auth/roles';
import { DomainError } from '../src/common/errors/domain-error';
import { loadConfig } from '../src/config/config';
import { NotificationsModule } from '../src/notifications/notifications.module';
import { CURRENT_SQL, currentConflictParams, StoredSlot } from '../src/bookings/conflicts.service';
import { benchDatabaseUrl } from './bench-db';
import { percentiles } from './harness';

/** The recheck's plan counts on the connection asking, as "3 generic, 0 custom" (none if not prepared there). */
const PLAN_COUNTS = `SELECT generic_plans || ' generic, ' || custom_plans || ' custom' AS plans
                       FROM pg_prepared_statements WHERE name = 'frirom_conflicts_current'`;
const plansOf = (rows: { plans: string }[]): string => rows.map((r) => r.plans).join('; ') || 'none';

const url = benchDatabaseUrl(`frirom_bench_oslo${process.env.BENCH_DB_SUFFIX ?? ''}`);

async function probe(mode: 'auto' | 'force_generic_plan'): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET plan_cache_mode = ${mode}`);
    const { rows } = await client.query<StoredSlot>(
      `SELECT id, request_id AS "requestId", room_id AS "roomId", starts_at AS "startsAt", ends_at AS "endsAt"
         FROM booking_occurrences WHERE status = 'pending' ORDER BY random() LIMIT 70`,
    );
    const samples: number[] = [];
    for (const [i, o] of rows.entries()) {
      const start = process.hrtime.bigint();
      await client.query({
        name: 'frirom_conflicts_current',
        text: CURRENT_SQL,
        values: currentConflictParams([o]),
      });
      if (i >= 10) samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    const plans = plansOf((await client.query<{ plans: string }>(PLAN_COUNTS)).rows);
    const { p50, p95, n } = percentiles(samples);
    process.stdout.write(
      `  ${mode.padEnd(18)} p50 ${p50.toFixed(2)} ms  p95 ${p95.toFixed(2)} ms  (${n} runs after 10; plans: ${plans})\n`,
    );
  } finally {
    await client.end();
  }
}

/** Requests of one date, pending (the world's: most meet a booking, so the recheck refuses them). */
const ONE_DATE = `SELECT request_id AS id FROM booking_occurrences GROUP BY request_id
                   HAVING count(*) = 1 AND bool_and(status = 'pending') LIMIT $1`;
/** The weekly requests of 40 dates that the bench's (a) made: most are approved, the write runs. */
const FORTY_DATES = `SELECT request_id AS id FROM booking_occurrences GROUP BY request_id
                      HAVING count(*) = 40 AND bool_and(status = 'pending') LIMIT $1`;

/**
 * Whole approvals in the service, each in a transaction rolled back after (so the same requests serve
 * again), and the recheck's plans on the connection: lockRequest has the decision's named statements
 * run on generic plans.
 */
async function approvals(
  dataSource: DataSource,
  decisions: DecisionsService,
  staff: AuthUser,
  label: string,
  requestsSql: string,
  rounds: number,
): Promise<void> {
  const requests = await dataSource.query<{ id: string }[]>(requestsSql, [rounds]);
  const samples: number[] = [];
  let refused = 0;
  for (const [i, { id }] of requests.entries()) {
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      const start = process.hrtime.bigint();
      await decisions.approve(id, {}, staff, runner.manager).catch((error: unknown) => {
        if (!(error instanceof DomainError)) throw error;
        refused += 1;
      });
      if (i >= 10) samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }
  // The pool hands the last connection back (last in, first out), so this is the one the approvals used.
  const plans = plansOf(await dataSource.query<{ plans: string }[]>(PLAN_COUNTS));
  const { p50, p95, n } = percentiles(samples);
  process.stdout.write(
    `${label} (one client, rolled back): p50 ${p50.toFixed(2)} ms  p95 ${p95.toFixed(2)} ms  (${n} after 10; ` +
      `${refused} of ${requests.length} refused with 409, a booking in the way; the recheck's plans on ` +
      `the connection so far: ${plans})\n`,
  );
}

/** DecisionsService on the bench database, without HTTP, as the middle tier of tests runs it. */
async function decisionsOnBenchDatabase(): Promise<INestApplicationContext> {
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: url,
    JWT_SECRET: randomBytes(32).toString('hex'),
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    REDIS_PREFIX: `probe:${randomBytes(4).toString('hex')}`,
    MAIL_DIR: '/tmp/frirom-bench-mail',
  });
  return servicesContext(config, [NotificationsModule, BookingsModule]);
}

async function main(): Promise<void> {
  process.stdout.write('frirom_conflicts_current for one stored pending date:\n');
  await probe('auto');
  await probe('force_generic_plan');
  const ctx = await decisionsOnBenchDatabase();
  try {
    const dataSource = ctx.get(DataSource);
    const [{ id: staffId }] = await dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE 'staff' = ANY(roles) LIMIT 1`,
    );
    const staff = { id: staffId, roles: ['staff'] } as unknown as AuthUser;
    const rounds = Number(process.env.BENCH_RUNS ?? 200);
    const decisions = ctx.get(DecisionsService);
    await approvals(dataSource, decisions, staff, 'an approval of one date', ONE_DATE, rounds);
    await approvals(dataSource, decisions, staff, 'an approval of 40 dates', FORTY_DATES, rounds);
  } finally {
    await ctx.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exitCode = 1;
});

// Whether PostgreSQL keeps a generic plan for the approval's conflict recheck (`frirom_conflicts_current`,
// a named prepared statement), and what planning it each time costs: the statement for 70 stored pending
// dates, one at a time (the first 10 not counted), under plan_cache_mode auto and force_generic_plan,
// with the plan counts from pg_prepared_statements. Runs on the database the bookings bench leaves (`frirom_bench_oslo`, with
// BENCH_DB_SUFFIX as the bench had it):
//   npm run build && node dist/bench/run.js bookings && node dist/bench/plan-cache-probe.js
import { Client } from 'pg';
import { CURRENT_SQL, currentConflictParams, StoredSlot } from '../src/bookings/conflicts.service';
import { benchDatabaseUrl } from './bench-db';
import { percentiles } from './harness';

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
    const [plans] = (
      await client.query<{ generic_plans: string; custom_plans: string }>(
        `SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'frirom_conflicts_current'`,
      )
    ).rows;
    const { p50, p95, n } = percentiles(samples);
    process.stdout.write(
      `  ${mode.padEnd(18)} p50 ${p50.toFixed(2)} ms  p95 ${p95.toFixed(2)} ms  (${n} runs after 10; plans: ${plans.generic_plans} generic, ${plans.custom_plans} custom)\n`,
    );
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  process.stdout.write('frirom_conflicts_current for one stored pending date:\n');
  await probe('auto');
  await probe('force_generic_plan');
}

void main();

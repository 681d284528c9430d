// Issue 4's benchmark, at Ås and Oslo scale: (a) POST /booking-requests for a 40-week weekly series;
// (b) the bare SQL of the same database work, and the ratio of medians; (c) GET /public/free-rooms for
// one evening over all rooms; (d) approvals per second with 8 concurrent clients. Issue 16 added the
// counts: the statements and round trips each request takes (bench/query-counter.ts, preloaded into the
// API process), where an approval's time goes, the CPU each request costs the API, PostgreSQL and this
// client (bench/cpu-time.ts), the API's resident memory and the load average; (e) the SQL of (d) alone
// from 8 clients, and the floors (GET /health, GET /auth/me), so that each target can be held against what
// this machine allows at all.
import { Client, Pool } from 'pg';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { addDays, osloWallToInstant } from '../src/common/time';
import { prng } from './allocation-generator';
import { send } from './http-client';
import { startApi } from './api-process';
import { cpuPerRequest, cpuTimes } from './cpu-time';
import { freshWorld } from './bench-db';
import { measure, percentiles, Result, result, round } from './harness';
import type { RequestTally } from './query-counter';
import { AAS_WORLD, BENCH_YEAR, OSLO_WORLD, WorldSpec } from './world-generator';

const SEASON_MONDAY = (() => {
  let d = `${BENCH_YEAR}-08-16`;
  while (new Date(`${d}T12:00:00Z`).getUTCDay() !== 1) d = addDays(d, 1);
  return d;
})();
const WEEKS = 40;

async function scale(spec: WorldSpec, dbName: string, runs: number): Promise<Result[]> {
  const { url, world, loadMs } = await freshWorld(dbName, spec);
  const scaleLabel = `${spec.name} (${world.occurrences.toLocaleString('en')} occ.)`;
  process.stdout.write(`  loaded ${scaleLabel} in ${(loadMs / 1000).toFixed(1)} s\n`);
  const api = await startApi(url, {}, { countQueries: true });
  const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  process.stdout.write(`  load average at start: ${load()}\n`);
  let rssPeak = api.rssBytes();
  const rand = prng(spec.seed + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const headers = { authorization: `Bearer ${api.staffToken}`, 'content-type': 'application/json' };
  const results: Result[] = [];
  /**
   * `runs` timed calls of `fn` after as many untimed ones, and the CPU of the timed ones only: a server
   * that has been up a while has its hot paths compiled by V8 and its statements prepared on every pooled
   * connection, which 5 or 20 calls do not give (GET /health's p50 and free rooms' p95 were about 15 % lower
   * after 500 calls than after 20). What the untimed calls asked the database is dropped from the tallies.
   */
  const steady = async (fn: () => Promise<void>): Promise<{ samples: number[]; cpu: string }> => {
    await measure(0, fn, runs);
    await api.takeTallies();
    const before = cpuTimes(api.pid);
    const samples = await measure(runs, fn, 0);
    return { samples, cpu: cpuPerRequest(before, cpuTimes(api.pid), runs) };
  };
  try {
    // The floors, on the same machine at the same moment: what any request costs the API, the database and
    // this client. GET /health (SELECT 1 and a Redis PING, no sign-in: sent without the bearer, which the
    // auth guard would check even on a public route, as free rooms (c) is asked) and GET /auth/me (the
    // bearer's session and user, one statement, as (a) and (d) start).
    for (const [label, path, signedIn] of [
      ['(0) GET /health, the floor of any request', '/health', false],
      ['(0) GET /auth/me, the floor of a signed-in one', '/auth/me', true],
    ] as const) {
      const floor = await steady(async () => {
        const res = await send(`${api.baseUrl}${path}`, signedIn ? { headers } : {});
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      });
      results.push(result(label, scaleLabel, floor.samples, floor.cpu));
    }

    // (a) a weekly series through a 40-week season: checked, priced, stored.
    const weeklyBody = () => {
      const room = pick(world.rooms);
      const date = addDays(SEASON_MONDAY, Math.floor(rand() * 5));
      const start = 17 * 60 + 30 * Math.floor(rand() * 8);
      const at = (m: number) =>
        `${date}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      return {
        organisationId: pick(world.organisationIds),
        roomId: room.id,
        title: 'Benk',
        ageGroup: 'youth',
        expectedParticipants: 10,
        startsAt: at(start),
        endsAt: at(start + 90),
        recurrence: { rrule: `FREQ=WEEKLY;COUNT=${WEEKS}` },
      };
    };
    const { samples: post, cpu: cpuA } = await steady(async () => {
      const res = await send(`${api.baseUrl}/booking-requests`, {
        method: 'POST',
        headers,
        body: JSON.stringify(weeklyBody()),
      });
      if (res.status !== 201) throw new Error(`POST /booking-requests answered ${res.status}: ${res.text()}`);
    });
    rssPeak = Math.max(rssPeak, api.rssBytes());
    const created = tallied(await api.takeTallies(), 'POST', '/booking-requests', 201);
    report('(a)', created);
    results.push(
      result(
        '(a) POST /booking-requests, weekly × 40',
        scaleLabel,
        post,
        `${counts(created)}; ${cpuA}; target p95 ≤ 10 ms at Oslo scale`,
      ),
    );

    // (b) the same database work as bare SQL, as pgbench or psql would send it.
    const sql = new Client({ connectionString: url });
    await sql.connect();
    const bare = await measure(
      runs,
      async () => {
        const body = weeklyBody();
        const first = new Date(body.startsAt);
        const starts: Date[] = [];
        const ends: Date[] = [];
        for (let w = 0; w < WEEKS; w++) {
          const date = addDays(body.startsAt.slice(0, 10), 7 * w);
          const minute = Number(body.startsAt.slice(11, 13)) * 60 + Number(body.startsAt.slice(14, 16));
          starts.push(osloWallToInstant(date, minute)!);
          ends.push(osloWallToInstant(date, minute + 90)!);
        }
        const requestId = randomUUID();
        await sql.query('BEGIN');
        await sql.query({
          name: 'overlaps',
          text: `WITH mine AS (SELECT leaf_id FROM room_leaves WHERE room_id = $1),
                    s AS (SELECT ord, tstzrange(a, b) AS p FROM unnest($2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY t(a, b, ord))
               SELECT s.ord, c.occurrence_id FROM s JOIN booking_claims c
                   ON c.leaf_room_id IN (SELECT leaf_id FROM mine) AND c.period && s.p`,
          values: [body.roomId, starts, ends],
        });
        await sql.query({
          name: 'request',
          text: `INSERT INTO booking_requests (id, organisation_id, room_id, title, age_group, expected_participants, starts_at, ends_at, rrule)
               VALUES ($1, $2, $3, 'Benk', 'youth', 10, $4, $5, $6)`,
          values: [requestId, body.organisationId, body.roomId, first, ends[0], body.recurrence.rrule],
        });
        await sql.query({
          name: 'occurrences',
          text: `INSERT INTO booking_occurrences (request_id, room_id, starts_at, ends_at)
               SELECT $1, $2, a, b FROM unnest($3::timestamptz[], $4::timestamptz[]) t(a, b)`,
          values: [requestId, body.roomId, starts, ends],
        });
        await sql.query({
          name: 'event',
          text: `INSERT INTO booking_events (request_id, action, actor_id, details) VALUES ($1, 'created', $2, $3)`,
          values: [requestId, api.staffId, JSON.stringify({ occurrences: WEEKS })],
        });
        await sql.query('COMMIT');
      },
      runs,
    );
    await sql.end();
    const ratio = percentiles(post).p50 / percentiles(bare).p50;
    results.push(
      result(
        '(b) the same work as bare SQL, one transaction',
        scaleLabel,
        bare,
        `ratio of medians (a)/(b) = ${round(ratio)}, of p95s ${round(percentiles(post).p95 / percentiles(bare).p95)}; 6 statements in 6 round trips (target ratio ≤ 2.5)`,
      ),
    );

    // (c) free rooms for one evening, over all rooms.
    const evening = addDays(SEASON_MONDAY, 15);
    const { samples: free, cpu: cpuC } = await steady(async () => {
      const res = await send(`${api.baseUrl}/public/free-rooms?date=${evening}&from=18:00&to=20:00`);
      if (res.status !== 200) throw new Error(`free-rooms answered ${res.status}`);
    });
    const freeTallies = tallied(await api.takeTallies(), 'GET', '/public/free-rooms', 200);
    results.push(
      result(
        '(c) GET /public/free-rooms, one evening, all rooms',
        scaleLabel,
        free,
        `${counts(freeTallies)}; ${cpuC}; target p95 ≤ 5 ms at Oslo scale`,
      ),
    );

    // (d) approvals per second, 8 clients, of single requests on distinct free late-evening slots.
    const approvals = Math.min(400, world.rooms.length * 10);
    /** `approvals` pending single requests, the i-th in room i on the i-th free late evening. */
    const pending = async (firstWeek: number): Promise<string[]> => {
      const ids: string[] = [];
      for (let i = 0; i < approvals; i++) {
        const room = world.rooms[i % world.rooms.length];
        const date = addDays(SEASON_MONDAY, 7 * (firstWeek + Math.floor(i / world.rooms.length)));
        const res = await send(`${api.baseUrl}/booking-requests`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            organisationId: pick(world.organisationIds),
            roomId: room.id,
            title: 'Sen økt',
            ageGroup: 'adults',
            expectedParticipants: 10,
            startsAt: `${date}T21:30`,
            endsAt: `${date}T22:30`,
          }),
        });
        if (res.status !== 201) throw new Error(`POST answered ${res.status}: ${res.text()}`);
        ids.push(res.json<{ id: string }>().id);
      }
      return ids;
    };
    // Sections: a hall and its courts share leaves, so some approvals meet each other; count outcomes.
    type Outcomes = { ok: number; conflict: number; failed: number };
    const approve = (outcomes: Outcomes) => async (id: string) => {
      const res = await send(`${api.baseUrl}/booking-requests/${id}/approve`, {
        method: 'POST',
        headers,
        body: '{}',
      });
      if (res.status === 200) outcomes.ok++;
      else if (res.status === 409) outcomes.conflict++;
      // A hall's and a court's approvals can deadlock in the exclusion check (40P01); the service
      // runs such an approval again, so a 500 would be a fault: counted and reported, not hidden.
      else if (res.status === 500) outcomes.failed++;
      else throw new Error(`approve answered ${res.status}: ${res.text()}`);
    };
    // Untimed first, as steady() does for the others: as many approvals of requests twenty weeks later,
    // which meet none of the timed ones.
    const warm: Outcomes = { ok: 0, conflict: 0, failed: 0 };
    await eightClients(await pending(20), approve(warm));
    if (warm.failed > 0) throw new Error(`${warm.failed} approvals answered 500 while warming up`);
    const ids = await pending(0);
    await api.takeTallies(); // the requests made to be approved, and the untimed approvals
    const outcomes: Outcomes = { ok: 0, conflict: 0, failed: 0 };
    const cpuBeforeD = cpuTimes(api.pid);
    const { seconds, latencies } = await eightClients(ids, approve(outcomes));
    const cpuD = cpuPerRequest(cpuBeforeD, cpuTimes(api.pid), ids.length);
    rssPeak = Math.max(rssPeak, api.rssBytes());
    const all = await api.takeTallies();
    const approved = tallied(all, 'POST', '/booking-requests/:id/approve', 200);
    const refused = tallied(all, 'POST', '/booking-requests/:id/approve', 409);
    report('(d) 200', approved);
    report('(d) 409', refused);
    results.push(
      result(
        '(d) POST /booking-requests/:id/approve, 8 clients',
        scaleLabel,
        latencies,
        `${round(ids.length / seconds)} approvals/s, target ≥ 300; ${cpuD} (${outcomes.ok} approved, ${outcomes.conflict} × 409 where a hall met its court, ${outcomes.failed} × 500: deadlocks between a hall's and a court's claims); approved: ${counts(approved)}; 409: ${counts(refused)}`,
      ),
    );
    // (e) the floor under (d): an approval's own SQL from 8 clients straight to PostgreSQL, no API (as (b)
    // is for (a)): lock the request, read its dates, look for bookings in their time, write the dates,
    // the request's status and the event, commit. The claims' exclusion constraint refuses a hall whose
    // court was approved first, as in (d).
    const pool = new Pool({ connectionString: url, max: 8 });
    const bareApprove = (outcomes: { ok: number; conflict: number }) => async (id: string) => {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        await c.query({
          name: 'lock',
          text: 'SELECT id FROM booking_requests WHERE id = $1 FOR UPDATE',
          values: [id],
        });
        const dates = await c.query<{ id: string; room_id: string; starts_at: Date; ends_at: Date }>({
          name: 'dates',
          text: `SELECT id, room_id, starts_at, ends_at FROM booking_occurrences WHERE request_id = $1 AND status = 'pending'`,
          values: [id],
        });
        const [date] = dates.rows;
        await c.query({
          name: 'taken',
          text: `SELECT c.occurrence_id FROM booking_claims c JOIN room_leaves rl ON rl.leaf_id = c.leaf_room_id
                  WHERE rl.room_id = $1 AND c.period && tstzrange($2, $3)`,
          values: [date.room_id, date.starts_at, date.ends_at],
        });
        await c.query({
          name: 'decide',
          text: `WITH d AS (UPDATE booking_occurrences SET status = 'approved', decided_at = now(), decided_by = $2 WHERE id = $3),
                      r AS (UPDATE booking_requests SET status = 'approved' WHERE id = $1)
                 INSERT INTO booking_events (request_id, action, actor_id, details) VALUES ($1, 'approved', $2, '{}')`,
          values: [id, api.staffId, date.id],
        });
        await c.query('COMMIT');
        outcomes.ok++;
      } catch (error) {
        await c.query('ROLLBACK');
        const code = (error as { code?: string }).code;
        if (code !== '23P01' && code !== '40P01') throw error;
        outcomes.conflict++;
      } finally {
        c.release();
      }
    };
    await eightClients(await pending(30), bareApprove({ ok: 0, conflict: 0 })); // untimed, as for (d)
    const bareIds = await pending(10);
    const bareOutcomes = { ok: 0, conflict: 0 };
    const cpuBeforeE = cpuTimes(api.pid);
    const bareD = await eightClients(bareIds, bareApprove(bareOutcomes));
    const cpuE = cpuPerRequest(cpuBeforeE, cpuTimes(api.pid), bareIds.length);
    await pool.end();
    results.push(
      result(
        "(e) (d)'s SQL alone, 8 clients straight to PostgreSQL",
        scaleLabel,
        bareD.latencies,
        `${round(bareIds.length / bareD.seconds)} approvals/s; ${cpuE} (${bareOutcomes.ok} approved, ${bareOutcomes.conflict} refused by the exclusion constraint or a deadlock); 6 statements in 6 round trips`,
      ),
    );
    process.stdout.write(
      `  API resident memory (RSS): peak seen ${(rssPeak / 2 ** 20).toFixed(0)} MiB, now ${(api.rssBytes() / 2 ** 20).toFixed(0)} MiB; load average at end: ${load()}\n`,
    );
  } finally {
    await api.stop();
  }
  return results;
}

/** Runs `fn` on every item, eight at a time, each call timed; and how long the whole took. */
async function eightClients(
  items: string[],
  fn: (item: string) => Promise<void>,
): Promise<{ seconds: number; latencies: number[] }> {
  const started = process.hrtime.bigint();
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < items.length) {
        const item = items[next++];
        const t0 = process.hrtime.bigint();
        await fn(item);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, latencies };
}

/** The tallies of one route's answers with one status. */
function tallied(all: RequestTally[], method: string, route: string, status: number): RequestTally[] {
  return all.filter((t) => t.method === method && t.route === route && t.status === status);
}

const median = (xs: number[]): number => percentiles(xs).p50;

/** "13 statements in 13 round trips (13 sequential), 3.1 ms of 9.8 ms in the database" (medians). */
function counts(tallies: RequestTally[]): string {
  if (tallies.length === 0) return 'no requests counted';
  const m = (f: (t: RequestTally) => number) => median(tallies.map(f));
  return (
    `${m((t) => t.statements)} statements in ${m((t) => t.roundTrips)} round trips ` +
    `(${m((t) => t.sequentialRoundTrips)} sequential), ${round(m((t) => t.dbMs))} ms of ` +
    `${round(m((t) => t.ms))} ms in the database (medians of ${tallies.length}, API-side)`
  );
}

/** Prints, per statement, how often a request sends it and its mean time as the API waits for it. */
function report(label: string, tallies: RequestTally[]): void {
  if (tallies.length === 0) return;
  const sums = new Map<string, { n: number; ms: number }>();
  for (const t of tallies)
    for (const [k, v] of Object.entries(t.byStatement)) {
      const s = sums.get(k) ?? { n: 0, ms: 0 };
      s.n += v.n;
      s.ms += v.ms;
      sums.set(k, s);
    }
  const wall = tallies.reduce((a, t) => a + t.ms, 0) / tallies.length;
  process.stdout.write(`  ${label}: ${counts(tallies)}; mean ${round(wall)} ms in the API; per request:\n`);
  for (const [k, v] of [...sums].sort((a, b) => b[1].ms - a[1].ms))
    process.stdout.write(
      `    ${(v.n / tallies.length).toFixed(1).padStart(5)} × ${(v.ms / v.n).toFixed(3).padStart(7)} ms  ${k}\n`,
    );
}

export async function bookingsBench(): Promise<Result[]> {
  const runs = Number(process.env.BENCH_RUNS ?? 200);
  return [
    ...(process.env.BENCH_SKIP_AAS ? [] : await scale(AAS_WORLD, 'frirom_bench_aas', runs)),
    ...(process.env.BENCH_SKIP_OSLO ? [] : await scale(OSLO_WORLD, 'frirom_bench_oslo', runs)),
  ];
}

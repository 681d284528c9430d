// Issue 14: the staff inbox (/saksbehandling) and the conflicts page (/saksbehandling/konflikter),
// server-rendered by the built service (API and web app in one process, as in production), signed in
// with a browser session, over 2,000 pending requests on top of a world of approved bookings.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { addDays, osloToday, osloWallToInstant, weekdayOf } from '../src/common/time';
import { prng } from './allocation-generator';
import { ApiProcess, startApi } from './api-process';
import type { RequestTally } from './query-counter';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { migrate } from '../src/database/prepare-database';
import { benchDatabaseUrl, freshWorld } from './bench-db';
import { measure, percentiles, Result, result, round } from './harness';
import { AAS_WORLD, OSLO_WORLD, World, WorldSpec } from './world-generator';

const PENDING = 2_000;
const DATES_EACH = 8;

/**
 * 2,000 pending weekly requests (8 dates each) starting in the coming weeks, on weekday evenings; every
 * third asks for the same room and time as the one before it, so the conflicts page has groups to show.
 * Each has its 'created' history entry, as the API writes it.
 */
async function addPending(url: string, world: World, seed: number): Promise<void> {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  let monday = addDays(osloToday(), 14);
  while (weekdayOf(monday) !== 1) monday = addDays(monday, 1);
  const requests: unknown[][] = [];
  const occurrences: unknown[][] = [];
  let last: { room: string; day: string; start: number } | null = null;
  for (let i = 0; i < PENDING; i++) {
    const slot: { room: string; day: string; start: number } =
      i % 3 === 2 && last
        ? last
        : {
            room: pick(world.rooms).id,
            day: addDays(monday, Math.floor(rand() * 5) + 7 * Math.floor(rand() * 12)),
            start: 17 * 60 + 30 * Math.floor(rand() * 8),
          };
    last = slot;
    const id = randomUUID();
    const first = osloWallToInstant(slot.day, slot.start)!;
    requests.push([
      id,
      pick(world.organisationIds),
      slot.room,
      `Søknad ${i}`,
      'youth',
      12,
      first,
      osloWallToInstant(slot.day, slot.start + 90),
      `FREQ=WEEKLY;COUNT=${DATES_EACH}`,
      'submitted',
    ]);
    for (let w = 0; w < DATES_EACH; w++) {
      const day = addDays(slot.day, 7 * w);
      occurrences.push([
        randomUUID(),
        id,
        slot.room,
        osloWallToInstant(day, slot.start),
        osloWallToInstant(day, slot.start + 90),
        'pending',
        15_000,
        15_000,
        0,
      ]);
    }
  }
  const db = new Client({ connectionString: url });
  await db.connect();
  const cols = (rows: unknown[][], i: number) => rows.map((r) => r[i]);
  await db.query(
    `INSERT INTO booking_requests (id, organisation_id, room_id, title, age_group, expected_participants,
                                   starts_at, ends_at, rrule, status)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::int[],
                          $7::timestamptz[], $8::timestamptz[], $9::text[], $10::text[])`,
    Array.from({ length: 10 }, (_, i) => cols(requests, i)),
  );
  await db.query(
    `INSERT INTO booking_occurrences (id, request_id, room_id, starts_at, ends_at, status, list_ore, waived_ore, charged_ore)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::timestamptz[], $6::text[],
                          $7::int[], $8::int[], $9::int[])`,
    Array.from({ length: 9 }, (_, i) => cols(occurrences, i)),
  );
  await db.query(
    `INSERT INTO booking_events (request_id, action, details)
     SELECT id, 'created', jsonb_build_object('occurrences', ${DATES_EACH}) FROM unnest($1::uuid[]) AS t(id)`,
    [cols(requests, 0)],
  );
  await db.query('ANALYZE');
  await db.end();
}

async function loadedWorld(dbName: string, spec: WorldSpec): Promise<string> {
  const { url, world, loadMs } = await freshWorld(dbName, spec);
  await addPending(url, world, spec.seed + 14);
  process.stdout.write(
    `  loaded ${spec.name} (${world.occurrences.toLocaleString('en')} occ.) in ${(loadMs / 1000).toFixed(1)} s\n`,
  );
  return url;
}

async function reusedWorld(dbName: string): Promise<string> {
  const url = benchDatabaseUrl(dbName);
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    await migrate(ds);
    const [{ n }] = await ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM booking_requests WHERE status = 'submitted'`,
    );
    process.stdout.write(`  reusing ${dbName} (${n.toLocaleString('en')} submitted requests)\n`);
  } finally {
    await ds.destroy();
  }
  return url;
}

/** A browser session for the bench's staff user: the cookie POST /auth/session sets. */
async function sessionCookie(baseUrl: string, staffId: string): Promise<string> {
  const res = await fetch(`${baseUrl}/auth/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ email: `bench-${staffId}@frirom.no`, password: 'bench-password' }),
  });
  if (!res.ok) throw new Error(`POST /auth/session answered ${res.status}: ${await res.text()}`);
  return res.headers.getSetCookie()[0].split(';')[0];
}

export async function staffPagesBench(): Promise<Result[]> {
  const runs = Number(process.env.BENCH_RUNS ?? 200);
  const spec = process.env.BENCH_SKIP_OSLO ? AAS_WORLD : OSLO_WORLD;
  const dbName = process.env.BENCH_STAFF_DB ?? 'frirom_bench_staff';
  const scale = `${spec.name} + ${PENDING.toLocaleString('en')} pending`;
  // BENCH_STAFF_REUSE=1 runs on the database a previous run loaded (migrated to now), which at Oslo
  // scale saves some ten minutes of loading.
  const url = process.env.BENCH_STAFF_REUSE ? await reusedWorld(dbName) : await loadedWorld(dbName, spec);
  // The query counter (bench/query-counter.ts) says what each API call sends to PostgreSQL.
  const api = await startApi(url, {}, { countQueries: true });
  try {
    const cookie = await sessionCookie(api.baseUrl, api.staffId);
    const render = (path: string, expect: string) => async () => {
      const res = await fetch(`${api.baseUrl}${path}`, { headers: { cookie, accept: 'text/html' } });
      const html = await res.text();
      if (res.status !== 200 || !html.includes(expect)) {
        throw new Error(`GET ${path} answered ${res.status} without "${expect}": ${html.slice(0, 300)}`);
      }
    };
    const apiCall = (path: string) => async () => {
      const res = await fetch(`${api.baseUrl}${path}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    };
    const year = `fra=${osloToday()}&til=${addDays(osloToday(), 365)}`;
    const note = 'target p95 ≤ 150 ms';
    const inbox = await measure(runs, render('/saksbehandling', 'Søknader til behandling'), 10);
    const conflicts = await measure(runs, render('/saksbehandling/konflikter', '<h2'), 10);
    const fewer = Math.max(20, Math.floor(runs / 5));
    const conflictsYear = await measure(fewer, render(`/saksbehandling/konflikter?${year}`, '<h2'), 3);
    await api.takeTallies(); // the pages' own
    const inboxApi = await measure(
      fewer,
      apiCall('/booking-requests?pending=true&sort=firstDate&limit=50'),
      3,
    );
    await report(api, 'GET /booking-requests');
    const orgsApi = await measure(fewer, apiCall('/organisations/names?status=verified&limit=500'), 3);
    await api.takeTallies();
    const conflictsApi = await measure(
      fewer,
      apiCall(`/conflicts?from=${osloToday()}&to=${addDays(osloToday(), 28)}`),
      3,
    );
    await report(api, 'GET /conflicts');
    const conflictsYearApi = await measure(
      Math.max(5, Math.floor(fewer / 4)),
      apiCall(`/conflicts?from=${osloToday()}&to=${addDays(osloToday(), 365)}`),
      1,
    );
    await report(api, 'GET /conflicts');
    return [
      result('GET /saksbehandling (inbox, 50 a page, server-rendered)', scale, inbox, note),
      result('GET /saksbehandling/konflikter (next 4 weeks, server-rendered)', scale, conflicts, note),
      result('GET /saksbehandling/konflikter?fra=…&til=… (a year)', scale, conflictsYear),
      result('  of which GET /booking-requests?pending=true&sort=firstDate', scale, inboxApi),
      result('  of which GET /organisations/names?status=verified&limit=500', scale, orgsApi),
      result('  of which GET /conflicts, next 4 weeks', scale, conflictsApi),
      result('  of which GET /conflicts, a year', scale, conflictsYearApi),
    ];
  } finally {
    await api.stop();
  }
}

/**
 * Prints what the API's answers to `GET route` since the last call sent to PostgreSQL (medians): the
 * statements, round trips and sequential ones, the time waited, and per statement its mean time.
 */
async function report(api: ApiProcess, route: string): Promise<void> {
  const tallies = (await api.takeTallies()).filter(
    (t) => `${t.method} ${t.route}` === route && t.status === 200,
  );
  if (tallies.length === 0) return;
  const median = (f: (t: RequestTally) => number) => round(percentiles(tallies.map(f)).p50);
  const per = new Map<string, { n: number; ms: number }>();
  for (const t of tallies)
    for (const [label, v] of Object.entries(t.byStatement)) {
      const sum = per.get(label) ?? { n: 0, ms: 0 };
      per.set(label, { n: sum.n + v.n, ms: sum.ms + v.ms });
    }
  process.stdout.write(
    `  ${route}: ${median((t) => t.statements)} statements in ${median((t) => t.roundTrips)} round trips ` +
      `(${median((t) => t.sequentialRoundTrips)} sequential), ${median((t) => t.dbMs)} ms in the database ` +
      `of ${median((t) => t.ms)} ms (medians of ${tallies.length}); per statement, mean ms:\n`,
  );
  for (const [label, v] of [...per].sort((a, b) => b[1].ms - a[1].ms))
    process.stdout.write(
      `    ${(v.n / tallies.length).toFixed(1)} × ${(v.ms / v.n).toFixed(1).padStart(7)}  ${label}\n`,
    );
}

// Issue 5's benchmark: POST /fees/simulate for a year at Oslo scale (every occurrence priced under
// today's rules and under a proposed set), target ≤ 5 s.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AS_RULES, hourlyRates } from '../src/seed/demo/fees.seed';
import { startApi } from './api-process';
import { freshWorld } from './bench-db';
import { measure, Result, result } from './harness';
import { BENCH_YEAR, OSLO_WORLD } from './world-generator';

export async function feesBench(): Promise<Result[]> {
  const runs = Number(process.env.FEES_RUNS ?? 5);
  const { url, world } = await freshWorld('frirom_bench_fees', OSLO_WORLD);
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    // Every room priced by its size, as the Ås demo is.
    const rooms = (await db.query<{ id: string; area_sqm: number | null }>('SELECT id, area_sqm FROM rooms'))
      .rows;
    const rates = rooms.map((r) => hourlyRates(r.area_sqm));
    await db.query(
      `INSERT INTO room_prices (room_id, hourly_nonprofit_ore, hourly_public_ore, hourly_commercial_ore, hourly_private_ore)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::int[], $4::int[], $5::int[])`,
      [
        rooms.map((r) => r.id),
        rates.map((r) => r.nonprofit),
        rates.map((r) => r.public),
        rates.map((r) => r.commercial),
        rates.map((r) => r.private),
      ],
    );
    for (const rule of AS_RULES) {
      await db.query(
        `INSERT INTO exemption_rule_versions (rule_id, version, name, priority, valid_from, valid_to, conditions, effect)
         VALUES ($1, 1, $2, $3, $4, $5, $6, $7)`,
        [randomUUID(), rule.name, rule.priority, rule.validFrom, rule.validTo, rule.conditions, rule.effect],
      );
    }
  } finally {
    await db.end();
  }
  const api = await startApi(url, { HOME_MUNICIPALITY_NUMBER: OSLO_WORLD.municipalityNumber });
  // The proposal: free for every local nonprofit, not only children and youth in schools.
  const proposed = [
    { ...AS_RULES[1], name: 'Gratis for lokale frivillige', effect: { waivePercent: 100, waives: ['rent'] } },
  ];
  const body = JSON.stringify({ from: `${BENCH_YEAR}-01-01`, to: `${BENCH_YEAR}-12-31`, rules: proposed });
  let occurrences = 0;
  try {
    const samples = await measure(
      runs,
      async () => {
        const res = await fetch(`${api.baseUrl}/fees/simulate`, {
          method: 'POST',
          headers: { authorization: `Bearer ${api.staffToken}`, 'content-type': 'application/json' },
          body,
        });
        if (res.status !== 200) throw new Error(`simulate answered ${res.status}: ${await res.text()}`);
        occurrences = ((await res.json()) as { occurrences: number }).occurrences;
      },
      1,
    );
    return [
      result(
        'POST /fees/simulate, a year, today’s rules vs a proposal',
        `Oslo (${world.occurrences.toLocaleString('en')} occ.)`,
        samples,
        `${occurrences.toLocaleString('en')} occurrences priced twice; target ≤ 5 s`,
      ),
    ];
  } finally {
    await api.stop();
  }
}

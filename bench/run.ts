// `npm run bench [name ...]`: runs the benchmarks (all, or those named) and prints p50/p95 per scale.
import 'reflect-metadata';
import { allocationBench } from './allocation.bench';
import { bookingsBench } from './bookings.bench';
import { feesBench } from './fees.bench';
import { mailBench } from './mail.bench';
import { Result } from './harness';
import { httpBaseline } from './http-baseline.bench';
import { statisticsBench } from './statistics.bench';
import { webBench } from './web.bench';

/** Every benchmark, by name. Later features add theirs here. */
const BENCHMARKS: Record<string, () => Promise<Result[]>> = {
  'http-baseline': httpBaseline,
  bookings: bookingsBench,
  fees: feesBench,
  mail: mailBench,
  allocation: allocationBench,
  statistics: statisticsBench,
  web: webBench,
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !(w in BENCHMARKS));
  if (unknown.length > 0) {
    process.stderr.write(
      `Unknown benchmark(s): ${unknown.join(', ')}. Known: ${Object.keys(BENCHMARKS).join(', ')}\n`,
    );
    process.exit(2);
  }
  const results: Result[] = [];
  for (const [name, run] of Object.entries(BENCHMARKS)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    process.stdout.write(`▶ ${name}\n`);
    const rows = await run();
    for (const r of rows) {
      process.stdout.write(
        `  ${r.benchmark.padEnd(58)} scale ${r.scale.padEnd(14)} p50 ${fmt(r.p50Ms)}  p95 ${fmt(r.p95Ms)}  runs ${r.runs}` +
          (r.note ? `  ${r.note}` : '') +
          '\n',
      );
    }
    results.push(...rows);
  }
  process.stdout.write(`\n${JSON.stringify(results)}\n`);
  process.exit(0);
}

const fmt = (ms: number): string => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`.padStart(10);

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

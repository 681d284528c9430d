import 'reflect-metadata';
import { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '../src/config/config';
import { createApp } from '../src/create-app';

/** Median and 95th percentile of a list of durations in milliseconds. */
export function percentiles(samples: number[]): { p50: number; p95: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p95: at(0.95), n: sorted.length };
}

export interface Result {
  benchmark: string;
  scale: string;
  p50Ms: number;
  p95Ms: number;
  runs: number;
  note?: string;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times measured. */
export async function measure(runs: number, fn: (i: number) => Promise<void>, warmup = 5): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples;
}

export function result(benchmark: string, scale: string, samples: number[], note?: string): Result {
  const { p50, p95, n } = percentiles(samples);
  return { benchmark, scale, p50Ms: round(p50), p95Ms: round(p95), runs: n, note };
}

export const round = (ms: number): number => Math.round(ms * 1000) / 1000;

export interface BenchApp {
  app: NestExpressApplication;
  config: AppConfig;
  dataSource: DataSource;
  baseUrl: string;
  close(): Promise<void>;
}

const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://root@127.0.0.1:5432/postgres';

/** A fresh database of the given name (dropped first if it exists) and the API on it, in this process. */
export async function startBenchApp(dbName: string, env: Record<string, string> = {}): Promise<BenchApp> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const config = loadConfig({
    DATABASE_URL: url.toString(),
    REDIS_PREFIX: `bench:${randomBytes(4).toString('hex')}`,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    JWT_SECRET: randomBytes(32).toString('hex'),
    ...env,
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return {
    app,
    config,
    dataSource: app.get(DataSource),
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => app.close(),
  };
}

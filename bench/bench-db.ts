import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { ensureDatabase, migrate } from '../src/database/prepare-database';
import { loadWorld, World, WorldSpec } from './world-generator';

const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://root@127.0.0.1:5432/postgres';

export function benchDatabaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh, migrated database of its own holding the world at the given scale. */
export async function freshWorld(
  name: string,
  spec: WorldSpec,
): Promise<{ url: string; world: World; loadMs: number }> {
  // BENCH_DB_SUFFIX keeps two checkouts benchmarking on one server out of each other's databases.
  const dbName = `${name}${process.env.BENCH_DB_SUFFIX ?? ''}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
  const url = benchDatabaseUrl(dbName);
  await ensureDatabase(url);
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    await migrate(ds);
    const start = Date.now();
    const world = await loadWorld(ds, spec);
    return { url, world, loadMs: Date.now() - start };
  } finally {
    await ds.destroy();
  }
}

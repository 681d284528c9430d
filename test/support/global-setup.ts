import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { ANSWERS_DIR_ENV } from './answer-check';
import { databaseUrl, TEST_DB_PREFIX, templateName, withAdmin } from './db';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Migrates a template database once per run; every test file clones it. Dead runs' leftovers are dropped. */
export default async function globalSetup(): Promise<void> {
  const template = templateName(process.pid);
  process.env.FRIROM_TEST_TEMPLATE = template;
  // Every JSON answer of this run is recorded here and checked against the document at the end.
  process.env[ANSWERS_DIR_ENV] = mkdtempSync(join(tmpdir(), 'frirom-answers-'));
  await withAdmin(async (c) => {
    const existing = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE '${TEST_DB_PREFIX}%'`,
    );
    for (const { datname } of existing.rows) {
      const pid = Number(/^frirom_t_(\d+)_/.exec(datname)?.[1]);
      if (!alive(pid) || pid === process.pid)
        await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
    await c.query(`CREATE DATABASE ${template}`);
  });
  const dataSource = new DataSource(dataSourceOptions(databaseUrl(template)));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

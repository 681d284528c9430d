import { TEST_DB_PREFIX, withAdmin } from './db';

/** Drops the template and any database of this run a crashed test file left behind. */
export default async function globalTeardown(): Promise<void> {
  await withAdmin(async (c) => {
    const ours = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `${TEST_DB_PREFIX}${process.pid}\\_%`,
    ]);
    for (const { datname } of ours.rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  });
}

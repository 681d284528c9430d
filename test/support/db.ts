import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
/** Test databases are named `frirom_t_<pid of the run>_...`, so a run only ever drops its own or dead runs'. */
export const TEST_DB_PREFIX = 'frirom_t_';
/** Tests trade durability for speed. */
export const TEST_PG_OPTIONS = '-c synchronous_commit=off';

export const templateName = (runPid: number): string => `${TEST_DB_PREFIX}${runPid}_template`;

/** The template of this run, named by global setup. */
export function currentTemplate(): string {
  const name = process.env.FRIROM_TEST_TEMPLATE;
  if (!name) throw new Error('FRIROM_TEST_TEMPLATE is not set: run the tests through jest (global setup)');
  return name;
}

export function databaseUrl(name: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database for one test file, cloned from the migrated template. */
export async function cloneTemplate(): Promise<string> {
  const template = currentTemplate();
  const name = `${template.replace(/_template$/, '')}_${randomBytes(5).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return name;
}

/** A name for a database that does not exist yet (for tests of creation and migration). */
export function freshDatabaseName(): string {
  return `${currentTemplate().replace(/_template$/, '')}_${randomBytes(5).toString('hex')}`;
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

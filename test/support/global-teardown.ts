import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ANSWERS_DIR_ENV, checkAnswers, readAnswers } from './answer-check';
import { TEST_DB_PREFIX, withAdmin } from './db';

/**
 * Drops the template and any database of this run a crashed test file left behind, then checks every
 * JSON answer the run received against docs/openapi.json: a mismatch fails the run.
 */
export default async function globalTeardown(): Promise<void> {
  await withAdmin(async (c) => {
    const ours = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `${TEST_DB_PREFIX}${process.pid}\\_%`,
    ]);
    for (const { datname } of ours.rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  });
  const dir = process.env[ANSWERS_DIR_ENV];
  if (!dir) return;
  const document = JSON.parse(readFileSync(join(__dirname, '..', '..', 'docs', 'openapi.json'), 'utf8'));
  const problems = checkAnswers(document, readAnswers(dir));
  rmSync(dir, { recursive: true, force: true });
  if (problems.length > 0) {
    throw new Error(
      `Answers that do not match docs/openapi.json (operation → status: where, what):\n  ${problems.join('\n  ')}`,
    );
  }
}

import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in the caller's transaction when given one (seeding, or a larger use case), otherwise in
 * a transaction of its own.
 */
export function inTransaction<T>(
  dataSource: DataSource,
  manager: EntityManager | undefined,
  work: (m: EntityManager) => Promise<T>,
): Promise<T> {
  return manager ? work(manager) : dataSource.transaction(work);
}

/** PostgreSQL's deadlock_detected: it aborted this transaction so that the other could go on. */
const isDeadlock = (error: unknown): boolean =>
  (error as { driverError?: { code?: string } }).driverError?.code === '40P01';

/**
 * As inTransaction, but a transaction of its own that PostgreSQL aborts in a deadlock is run again (up to
 * three times in all), as PostgreSQL's manual advises: two approvals of a hall and its court at the same
 * moment can wait on each other in the exclusion check, and the second try meets the first one's booking
 * as the exclusion violation it is. Only for work whose every effect is in the transaction.
 */
export async function inTransactionRetryingDeadlocks<T>(
  dataSource: DataSource,
  manager: EntityManager | undefined,
  work: (m: EntityManager) => Promise<T>,
): Promise<T> {
  if (manager) return work(manager);
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      if (!isDeadlock(error) || attempt === 3) throw error;
    }
  }
}

/**
 * The rows an UPDATE … RETURNING gives back. (TypeORM answers an UPDATE or DELETE with [rows, count],
 * other statements with the rows.)
 */
export async function updateReturning<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const [rows] = await m.query<[T[], number]>(sql, params);
  return rows;
}

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * A hot query as a named prepared statement on the transaction's connection: parsed and analysed once
 * per connection. PostgreSQL plans it again on every call unless it judges its generic plan as cheap as
 * the custom ones (plan_cache_mode auto): for the approval's conflict recheck it never did, and that
 * planning was two thirds of the statement's time (bench/plan-cache-probe.ts), so a decision asks for
 * generic plans for its transaction (lockRequest). Outside a transaction it is an ordinary query.
 */
export async function preparedQuery<T>(
  m: EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const client = (m.queryRunner as { databaseConnection?: PgClient } | undefined)?.databaseConnection;
  if (!client) return m.query<T[]>(text, values);
  const result = await client.query({ name, text, values });
  return result.rows as T[];
}

/**
 * Independent queries side by side on the pool's connections, or one after the other on a transaction's
 * one connection: node-postgres cannot run two queries at once on one client.
 */
export async function together<T extends unknown[]>(
  m: EntityManager,
  ...work: { [K in keyof T]: () => Promise<T[K]> }
): Promise<T> {
  if (!m.queryRunner) return (await Promise.all(work.map((w) => w()))) as T;
  const done: unknown[] = [];
  for (const w of work) done.push(await w());
  return done as T;
}

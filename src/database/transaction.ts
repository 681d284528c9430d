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
 * A hot query as a named prepared statement on the transaction's connection: PostgreSQL plans it once
 * per connection instead of on every call (planning the conflict lookups costs as much as running
 * them). Outside a transaction it is an ordinary query.
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

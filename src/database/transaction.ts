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

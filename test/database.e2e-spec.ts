import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { ensureDatabase, migrate } from '../src/database/prepare-database';
import { MIGRATIONS } from '../migrations';
import { cloneTemplate, databaseUrl, dropDatabase, freshDatabaseName, withAdmin } from './support/db';

/**
 * TypeORM's schema builder reads the tables' column types with Promise.all on one query runner, so
 * several queries are sent at once on one connection (pg warns "Calling client.query() when the client
 * is already executing a query", and pg 9 refuses it). Here each runner's queries go one after another.
 */
function oneQueryAtATime(dataSource: DataSource): void {
  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (...args: Parameters<DataSource['createQueryRunner']>) => {
    const runner = create(...args);
    const query = runner.query.bind(runner) as (...a: unknown[]) => Promise<unknown>;
    let last: Promise<unknown> = Promise.resolve();
    runner.query = ((...a: unknown[]) => {
      const next = last.then(() => query(...a));
      last = next.catch(() => undefined);
      return next;
    }) as typeof runner.query;
    return runner;
  };
}

describe('database and migrations', () => {
  it('entities and migrations agree: a migrated database needs no schema change', async () => {
    const name = await cloneTemplate();
    const dataSource = new DataSource(dataSourceOptions(databaseUrl(name)));
    await dataSource.initialize();
    try {
      oneQueryAtATime(dataSource);
      const pending = await dataSource.driver.createSchemaBuilder().log();
      const statements = pending.upQueries.map((q) => q.query.trim());
      expect(statements).toEqual([]);
    } finally {
      await dataSource.destroy();
      await dropDatabase(name);
    }
  });

  it('creates a missing database, and two processes migrating together apply each migration once', async () => {
    const name = freshDatabaseName();
    const url = databaseUrl(name);
    await Promise.all([ensureDatabase(url), ensureDatabase(url)]);
    const a = new DataSource(dataSourceOptions(url));
    const b = new DataSource(dataSourceOptions(url));
    await Promise.all([a.initialize(), b.initialize()]);
    try {
      const [first, second] = await Promise.all([migrate(a), migrate(b)]);
      expect([...first, ...second].sort()).toEqual(MIGRATIONS.map((m) => new m().name).sort());
      const rows = await a.query('SELECT name FROM migrations');
      expect(rows).toHaveLength(MIGRATIONS.length);
    } finally {
      await Promise.all([a.destroy(), b.destroy()]);
      await dropDatabase(name);
    }
  });

  it('reverts every migration cleanly', async () => {
    const name = await cloneTemplate();
    const dataSource = new DataSource(dataSourceOptions(databaseUrl(name)));
    await dataSource.initialize();
    try {
      for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
      const tables = await withAdmin(() =>
        dataSource.query(
          `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`,
        ),
      );
      expect(tables).toEqual([]);
    } finally {
      await dataSource.destroy();
      await dropDatabase(name);
    }
  });
});

import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DataSourceTuning {
  /** Connections in the pool. */
  poolSize?: number;
  /** Extra server settings for every connection, e.g. `-c synchronous_commit=off` in tests. */
  pgOptions?: string;
  applicationName?: string;
}

/** The one definition of how frirom talks to PostgreSQL, used by the app, the worker and the migration CLI. */
export function dataSourceOptions(databaseUrl: string, tuning: DataSourceTuning = {}): DataSourceOptions {
  return {
    type: 'postgres',
    uuidExtension: 'pgcrypto',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: {
      max: tuning.poolSize ?? 10,
      application_name: tuning.applicationName ?? 'frirom',
      ...(tuning.pgOptions ? { options: tuning.pgOptions } : {}),
    },
  };
}

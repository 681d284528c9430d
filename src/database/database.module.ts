import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceOptions, DataSourceTuning } from './data-source-options';
import { GenericPlanPool } from './generic-plan-pool';
import { ensureDatabase, migrate } from './prepare-database';
import { APP_CONFIG, AppConfig } from '../config/config';

/**
 * Provides the one DataSource (and the few connections of GenericPlanPool); creates the database and runs
 * migrations (under a lock) when configured.
 */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  static forRoot(tuning: DataSourceTuning = {}): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DataSource,
          inject: [APP_CONFIG],
          useFactory: async (config: AppConfig): Promise<DataSource> => {
            if (config.runMigrations) await ensureDatabase(config.databaseUrl);
            const dataSource = new DataSource(dataSourceOptions(config.databaseUrl, tuning));
            await dataSource.initialize();
            if (config.runMigrations) await migrate(dataSource);
            return dataSource;
          },
        },
        {
          provide: GenericPlanPool,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => new GenericPlanPool(config.databaseUrl, tuning),
        },
      ],
      exports: [DataSource, GenericPlanPool],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

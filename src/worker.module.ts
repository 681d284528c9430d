import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppOptions, coreImports } from './app.module';
import { AuthModule } from './auth/auth.module';
import { AppConfig } from './config/config';
import { JobsModule } from './jobs/jobs.module';
import { NotificationsModule, NotificationsWorkerModule } from './notifications/notifications.module';
import { RegisterWorkerModule } from './organisations/register/register.module';
import { SeasonsModule } from './seasons/seasons.module';
import { StatisticsModule } from './statistics/statistics.module';
import { WorkerHost } from './jobs/worker-host';

/** The worker: the same services as the API, BullMQ processors instead of HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, options: AppOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ...coreImports(config, options, 'frirom-worker'),
        DiscoveryModule,
        JobsModule,
        AuthModule,
        NotificationsModule,
        NotificationsWorkerModule,
        StatisticsModule,
        SeasonsModule,
        RegisterWorkerModule,
      ],
      providers: [WorkerHost],
    };
  }
}

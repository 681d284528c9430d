import {
  DynamicModule,
  INestApplicationContext,
  MiddlewareConsumer,
  Module,
  NestModule,
  RequestMethod,
  Type,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, NestFactory } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AuthGuard } from './auth/auth.guard';
import { AuthModule } from './auth/auth.module';
import { HttpErrorFilter } from './common/errors/http-error.filter';
import { jsonBody } from './common/http/json-body';
import { httpLoggerParams, ProcessName } from './common/logging/logging';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { FeesModule } from './fees/fees.module';
import { BookingIntakeModule } from './booking-intake/booking-intake.module';
import { BookingsModule } from './bookings/bookings.module';
import { CaretakingModule } from './caretaking/caretaking.module';
import { NotificationsModule } from './notifications/notifications.module';
import { SeasonsModule } from './seasons/seasons.module';
import { StatisticsModule } from './statistics/statistics.module';
import { HealthModule } from './health/health.module';
import { JobsModule } from './jobs/jobs.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { PortalModule } from './portal/portal.module';
import { SeedModule } from './seed/seed.module';
import { VenuesModule } from './venues/venues.module';

export interface AppOptions {
  /** Where logs go (stdout by default); tests read them. */
  logDestination?: DestinationStream;
  /** Extra PostgreSQL settings per connection, e.g. for fast tests. */
  pgOptions?: string;
  /** Serve the web app (dist/web) beside the API, as `main.ts` does; tests of the API leave it out. */
  webApp?: boolean;
}

/** The modules shared by the API and the worker; `name` says in each log line which one logs. */
export function coreImports(
  config: AppConfig,
  options: AppOptions = {},
  name: ProcessName = 'frirom-api',
): DynamicModule[] {
  return [
    ConfigModule.forRoot(config),
    DatabaseModule.forRoot({ pgOptions: options.pgOptions }),
    LoggerModule.forRoot(httpLoggerParams(config.logLevel, options.logDestination, name)),
  ];
}

@Module({})
class ServicesModule {}

/**
 * The services of some modules without HTTP, on the core imports and the job queues: the service tests'
 * world (test/support/services.ts) and the bench's probes.
 */
export function servicesContext(
  config: AppConfig,
  modules: Type[],
  options: AppOptions = {},
): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(
    { module: ServicesModule, imports: [...coreImports(config, options), JobsModule, ...modules] },
    { logger: false, abortOnError: false },
  );
}

@Module({})
export class AppModule implements NestModule {
  static forRoot(config: AppConfig, options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...coreImports(config, options),
        JobsModule,
        AuthModule,
        HealthModule,
        SeedModule,
        VenuesModule,
        OrganisationsModule,
        PortalModule,
        FeesModule,
        // Before BookingsModule, so POST /booking-requests keeps its place in the OpenAPI document.
        BookingIntakeModule,
        BookingsModule,
        NotificationsModule,
        CaretakingModule,
        StatisticsModule,
        SeasonsModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }

  /** JSON bodies are parsed after the request logger, so even a refused body is logged with its id. */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(jsonBody()).forRoutes({ path: '*path', method: RequestMethod.ALL });
  }
}

import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import IORedis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { SessionsService } from '../../src/auth/sessions.service';
import { User } from '../../src/auth/user.entity';
import { UsersService } from '../../src/auth/users.service';
import { Role } from '../../src/common/auth/roles';
import { AppConfig, loadConfig } from '../../src/config/config';
import { createApp } from '../../src/create-app';
import { WorkerModule } from '../../src/worker.module';
import { cloneTemplate, databaseUrl, dropDatabase, TEST_PG_OPTIONS } from './db';
import { Http } from './http';
import { RegisterStub } from './register-stub';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestUser {
  user: User;
  token: string;
  http: Http;
}

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  dataSource: DataSource;
  dbName: string;
  baseUrl: string;
  /** Anonymous client. */
  http: Http;
  /** The local Enhetsregisteret the app reads (BRREG_URL); tests say what it holds. */
  register: RegisterStub;
  /** A user holding just this role (created on first use), with a signed-in client. */
  as(role: Role): Promise<TestUser>;
  /** A new user with these roles. */
  createUser(
    roles: Role[],
    extra?: Partial<{ email: string; name: string; phone: string }>,
  ): Promise<TestUser>;
  close(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  logDestination?: DestinationStream;
  /** Use this database instead of a fresh clone (it is not dropped on close). */
  dbName?: string;
}

/** The environment a test app gets: its own database and Redis prefix, mails to a temp folder, no internet. */
export function testEnv(dbName: string, env: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl(dbName),
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: `t:${randomBytes(5).toString('hex')}`,
    MAIL_DIR: mkdtempSync(join(tmpdir(), 'frirom-mail-')),
    JWT_SECRET: randomBytes(32).toString('hex'),
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    // Nothing in a test reaches the real Enhetsregisteret: startApp points this at its local register;
    // processes started otherwise get a port nobody listens on (the register is then "unavailable").
    BRREG_URL: 'http://127.0.0.1:9',
    ...env,
  };
}

/** Starts the real API on a free port, on a database of its own. */
export async function startApp(options: StartOptions = {}): Promise<TestApp> {
  const dbName = options.dbName ?? (await cloneTemplate());
  const register = await new RegisterStub().start();
  const config = loadConfig(testEnv(dbName, { BRREG_URL: register.url, ...options.env }));
  const app = await createApp(config, { logDestination: options.logDestination, pgOptions: TEST_PG_OPTIONS });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const dataSource = app.get(DataSource);
  const http = new Http(baseUrl);
  const byRole = new Map<Role, Promise<TestUser>>();
  let counter = 0;

  const createUser: TestApp['createUser'] = async (roles, extra = {}) => {
    counter += 1;
    const user = await app.get(UsersService).create({
      email: extra.email ?? `${roles.join('-')}-${counter}-${randomBytes(3).toString('hex')}@test.frirom.no`,
      name: extra.name ?? `Test ${roles.join(' ')} ${counter}`,
      phone: extra.phone ?? null,
      password: 'test-password',
      roles,
    });
    const { token } = await app.get(SessionsService).issue(user.id, 'token');
    return { user, token, http: http.as(token) };
  };

  return {
    app,
    config,
    dataSource,
    dbName,
    baseUrl,
    http,
    register,
    createUser,
    as(role) {
      let user = byRole.get(role);
      if (!user) {
        user = createUser([role]);
        byRole.set(role, user);
      }
      return user;
    },
    async close() {
      await app.close();
      await register.close();
      await clearRedis(config.redisPrefix);
      if (!options.dbName) await dropDatabase(dbName);
    },
  };
}

/** Starts the worker in this process, on the app's database and Redis prefix. */
export async function startWorker(
  config: AppConfig,
  logDestination?: DestinationStream,
): Promise<INestApplicationContext> {
  const worker = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(config, { logDestination, pgOptions: TEST_PG_OPTIONS }),
    { logger: false },
  );
  await worker.init();
  return worker;
}

export async function clearRedis(prefix: string, url = TEST_REDIS_URL): Promise<void> {
  const redis = new IORedis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export { consistently, eventually } from './eventually';

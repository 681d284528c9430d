import { TokenService } from '../src/auth/token.service';
import * as argon2 from 'argon2';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import type { CounterMessage, RequestTally } from './query-counter';

/** The built API in a process of its own, as it runs in production, on a benchmark database. */
export interface ApiProcess {
  baseUrl: string;
  staffToken: string;
  staffId: string;
  pid: number;
  /** Resident set size of the API process now, from /proc (bytes). */
  rssBytes(): number;
  /**
   * With `countQueries`: the requests answered since the last call, each with the statements and round
   * trips it took (bench/query-counter.ts, preloaded into the API process).
   */
  takeTallies(): Promise<RequestTally[]>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startApi(
  databaseUrl: string,
  env: Record<string, string> = {},
  options: { countQueries?: boolean } = {},
): Promise<ApiProcess> {
  const secret = randomBytes(32).toString('hex');
  const staffId = randomUUID();
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(
    `INSERT INTO users (id, email, name, password_hash, roles) VALUES ($1, $2, 'Bench Staff', $3, '{staff}')`,
    [staffId, `bench-${staffId}@frirom.no`, await argon2.hash('bench-password')],
  );
  // Every token belongs to a session row (revocable); the bench's token gets one like a sign-in would.
  const [{ id: sessionId }] = (
    await db.query<{ id: string }>(
      `INSERT INTO sessions (user_id, kind, expires_at) VALUES ($1, 'token', now() + interval '12 hours') RETURNING id`,
      [staffId],
    )
  ).rows;
  await db.end();
  const port = await freePort();
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=var/prof", profiles the API under load.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  if (options.countQueries) nodeArgs.push('--require', join(__dirname, 'query-counter.js'));
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, join(__dirname, '..', 'src', 'main.js')],
    {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        JWT_SECRET: secret,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'info',
        REDIS_PREFIX: `bench:${randomBytes(4).toString('hex')}`,
        MAIL_DIR: '/tmp/frirom-bench-mail',
        ...env,
      },
      stdio: options.countQueries ? ['ignore', 'ignore', 'inherit', 'ipc'] : ['ignore', 'ignore', 'inherit'],
    },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) break;
    } catch {
      // not up yet
    }
    // 2 minutes: a loaded machine starts the API slowly. Then stop it, lest it outlive the benchmark.
    if (i > 1200) {
      child.kill('SIGKILL');
      throw new Error('The API did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const staffToken = new TokenService(secret, 12 * 3600).sign({ sub: staffId, sid: sessionId });
  return {
    baseUrl,
    staffToken,
    staffId,
    pid: child.pid!,
    rssBytes: () => {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
      return Number(kb ?? 0) * 1024;
    },
    takeTallies: () =>
      new Promise<RequestTally[]>((resolve, reject) => {
        if (!child.send) return reject(new Error('The API was started without countQueries'));
        const onMessage = (message: CounterMessage) => {
          if (message.type !== 'query-counter:tallies') return;
          child.off('message', onMessage);
          resolve(message.tallies);
        };
        child.on('message', onMessage);
        child.send({ type: 'query-counter:take' } satisfies CounterMessage);
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The built worker in a process of its own, on a benchmark database. */
export async function runWorker(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<{ stop(): Promise<void> }> {
  const child = spawn(process.execPath, [join(__dirname, '..', 'src', 'worker.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      REDIS_PREFIX: `bench:${randomBytes(4).toString('hex')}`,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

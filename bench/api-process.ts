import { TokenService } from '../src/auth/token.service';
import * as argon2 from 'argon2';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';

/** The built API in a process of its own, as it runs in production, on a benchmark database. */
export interface ApiProcess {
  baseUrl: string;
  staffToken: string;
  staffId: string;
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

export async function startApi(databaseUrl: string, env: Record<string, string> = {}): Promise<ApiProcess> {
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
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) break;
    } catch {
      // not up yet
    }
    // A minute: on a busy shared machine the first start (Nest and the web app's server build) is slow.
    if (i > 600) throw new Error('The API did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const staffToken = new TokenService(secret, 12 * 3600).sign({ sub: staffId, sid: sessionId });
  return {
    baseUrl,
    staffToken,
    staffId,
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

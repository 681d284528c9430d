import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { dropDatabase, freshDatabaseName } from './support/db';
import { freePort, runBuilt } from './support/processes';
import { clearRedis, eventually, testEnv } from './support/test-app';

const TOUR = join(__dirname, '..', 'docs', 'tour.sh');

/** Runs docs/tour.sh against a base URL; answers its exit code and what it printed. */
function runTour(baseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', [TOUR], {
      env: { PATH: process.env.PATH ?? '', FRIROM_URL: baseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('the README tour (docs/tour.sh)', () => {
  it('runs against `npm start` on a fresh demo database, twice, with every status as expected', async () => {
    const dbName = freshDatabaseName();
    const port = await freePort();
    const env = testEnv(dbName, { PORT: String(port), SEED_DEMO: 'true', LOG_LEVEL: 'info' });
    const app = runBuilt('start.js', env);
    try {
      await eventually(
        async () => {
          const res = await fetch(`http://127.0.0.1:${port}/health`);
          return res.status === 200 ? true : undefined;
        },
        { timeout: 60_000 },
      );
      await eventually(async () => (app.output().includes('Worker started') ? true : undefined), {
        timeout: 30_000,
      });
      const base = `http://127.0.0.1:${port}`;
      const first = await runTour(base);
      expect({ code: first.code, tail: first.output.slice(-800) }).toEqual({
        code: 0,
        tail: expect.stringContaining('tour: done'),
      });
      // every id it uses comes from the API: a second run books the next free evening
      const second = await runTour(base);
      expect({ code: second.code, tail: second.output.slice(-800) }).toEqual({
        code: 0,
        tail: expect.stringContaining('tour: done'),
      });

      // and it stops at an unexpected status, saying which and why
      const stopped = await runTour(`${base}/nowhere`);
      expect(stopped.code).toBe(1);
      expect(stopped.output).toMatch(/POST \/auth\/login answered 404, expected 200 — NOT_FOUND: /);
      expect(stopped.output).not.toContain('tour: done');
    } finally {
      app.child.kill('SIGTERM');
      await app.exited;
      await dropDatabase(dbName);
      await clearRedis(env.REDIS_PREFIX);
    }
  }, 180_000);
});

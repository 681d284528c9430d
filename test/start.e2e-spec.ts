import { clearRedis, eventually, testEnv } from './support/test-app';
import { dropDatabase, freshDatabaseName } from './support/db';
import { freePort, runBuilt } from './support/processes';

describe('npm start (built code)', () => {
  it('creates and migrates a missing database, seeds the demo, serves the API and runs the worker; SIGTERM stops both', async () => {
    const dbName = freshDatabaseName();
    const port = await freePort();
    const env = testEnv(dbName, { PORT: String(port), SEED_DEMO: 'true', LOG_LEVEL: 'info' });
    const app = runBuilt('start.js', env);
    try {
      const health = await eventually(
        async () => {
          const res = await fetch(`http://127.0.0.1:${port}/health`);
          return res.status === 200 ? res.json() : undefined;
        },
        { timeout: 30_000 },
      );
      expect(health).toEqual({ status: 'ok', database: 'up', redis: 'up' });
      await eventually(async () => (app.output().includes('Worker started') ? true : undefined), {
        timeout: 30_000,
      });

      const login = await fetch(`http://127.0.0.1:${port}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'staff@demo.frirom.no', password: 'demo-staff' }),
      });
      expect(login.status).toBe(200);

      app.child.kill('SIGTERM');
      expect(await app.exited).toEqual({ code: 0, signal: null });

      // each process names itself in its log lines; the OpenAPI document builds without warnings
      const logged = app
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l));
      const byMessage = (text: string) => logged.find((e) => String(e.msg).includes(text));
      expect(byMessage('Worker started')?.name).toBe('frirom-worker');
      expect(byMessage('frirom on http')?.name).toBe('frirom-api');
      expect(app.output()).not.toMatch(/Duplicate DTO/);
    } finally {
      app.child.kill('SIGKILL');
      await dropDatabase(dbName);
      await clearRedis(env.REDIS_PREFIX);
    }
  });

  it('stops at once with a message naming a bad variable', async () => {
    const api = runBuilt('main.js', { PORT: 'eighty', REDIS_URL: 'localhost' });
    expect((await api.exited).code).toBe(1);
    expect(api.output()).toMatch(/PORT must be an integer/);
    expect(api.output()).toMatch(/REDIS_URL must be a redis:\/\/ URL/);
    const worker = runBuilt('worker.js', { DATABASE_URL: 'nonsense' });
    expect((await worker.exited).code).toBe(1);
    expect(worker.output()).toMatch(/DATABASE_URL must be a postgres:\/\/ URL/);
  });
});

import { startApp, TestApp } from './support/test-app';
import { withAdmin } from './support/db';

describe('GET /health', () => {
  it('answers 200 when PostgreSQL and Redis both answer, and 503 once the database is gone', async () => {
    const t = await startApp();
    try {
      const ok = await t.http.get('/health');
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ status: 'ok', database: 'up', redis: 'up' });

      await withAdmin(async (c) => {
        await c.query(`ALTER DATABASE ${t.dbName} WITH ALLOW_CONNECTIONS false`);
        await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
          t.dbName,
        ]);
      });
      const down = await t.http.get('/health');
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ status: 'unavailable', database: 'down', redis: 'up' });
    } finally {
      await withAdmin((c) => c.query(`ALTER DATABASE ${t.dbName} WITH ALLOW_CONNECTIONS true`));
      await t.close();
    }
  });

  it('answers 503 when Redis does not answer', async () => {
    const t: TestApp = await startApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      const res = await t.http.get('/health');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: 'unavailable', database: 'up', redis: 'down' });
    } finally {
      await t.close();
    }
  });
});

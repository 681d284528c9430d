import { DEMO_USERS } from '../src/seed/demo/users.seed';
import { SeedService } from '../src/seed/seed.service';
import { startApp, TestApp } from './support/test-app';

describe('demo data and the first admin', () => {
  it('seeds an empty database once, idempotently, and each demo user can sign in', async () => {
    const t = await startApp({ env: { SEED_DEMO: 'true' } });
    try {
      const first = await t.app.get(SeedService).run();
      expect(first).toContain('users');
      const again = await Promise.all([t.app.get(SeedService).run(), t.app.get(SeedService).run()]);
      expect(again).toEqual([[], []]);
      const [{ count }] = await t.dataSource.query('SELECT count(*)::int FROM users');
      expect(count).toBe(DEMO_USERS.length);
      for (const u of DEMO_USERS) {
        const login = await t.http.post('/auth/login', { email: u.email, password: u.password });
        expect(login.status).toBe(200);
        expect(login.body.user.roles).toEqual(u.roles);
      }
    } finally {
      await t.close();
    }
  });

  it('leaves a database with real data alone, and seeds nothing with SEED_DEMO=false', async () => {
    const real = await startApp({ env: { SEED_DEMO: 'true' } });
    const off = await startApp({ env: { SEED_DEMO: 'false' } });
    try {
      await real.createUser(['staff']);
      expect(await real.app.get(SeedService).run()).toEqual([]);
      expect(await off.app.get(SeedService).run()).toEqual([]);
      const [{ count }] = await off.dataSource.query('SELECT count(*)::int FROM users');
      expect(count).toBe(0);
    } finally {
      await real.close();
      await off.close();
    }
  });

  it('creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD when no admin exists', async () => {
    const t: TestApp = await startApp({
      env: { SEED_DEMO: 'false', ADMIN_EMAIL: 'Admin@As.Kommune.no', ADMIN_PASSWORD: 'first-admin-pw' },
    });
    try {
      await t.app.get(SeedService).run();
      await t.app.get(SeedService).run();
      const admins = await t.dataSource.query(`SELECT email FROM users WHERE 'admin' = ANY(roles)`);
      expect(admins).toEqual([{ email: 'admin@as.kommune.no' }]);
      const login = await t.http.post('/auth/login', {
        email: 'admin@as.kommune.no',
        password: 'first-admin-pw',
      });
      expect(login.status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

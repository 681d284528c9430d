import { DEMO_USERS } from '../src/seed/demo/users.seed';
import { SeedService } from '../src/seed/seed.service';
import { startApp, TestApp } from './support/test-app';

describe('demo data and the first admin', () => {
  it('seeds an empty database once, idempotently, and each demo user can sign in', async () => {
    const t = await startApp({ env: { SEED_DEMO: 'true' } });
    try {
      const first = await t.app.get(SeedService).run();
      expect(first).toEqual(['users', 'venues', 'organisations', 'fees', 'bookings', 'seasons', 'history']);
      const again = await Promise.all([t.app.get(SeedService).run(), t.app.get(SeedService).run()]);
      expect(again).toEqual([[], []]);
      const [{ count }] = await t.dataSource.query('SELECT count(*)::int FROM users');
      expect(count).toBe(DEMO_USERS.length);

      // The Ås premises: Åshallen in three courts, the culture house's two halls, school gyms with hours.
      const hall = (await t.http.get('/buildings')).body.items.find((b: any) => b.name === 'Åshallen');
      const rooms = (await t.http.get('/rooms', { query: { buildingId: hall.id } })).body.items;
      const floor = rooms.find((r: any) => r.name === 'Hallflate');
      expect(floor.sectionIds).toHaveLength(3);
      const culture = (await t.http.get('/buildings')).body.items.find((b: any) => b.name === 'Ås kulturhus');
      const halls = (await t.http.get('/rooms', { query: { buildingId: culture.id } })).body.items;
      expect(halls.map((r: any) => r.name).sort()).toEqual(['Lille sal', 'Store sal']);
      const gyms = (await t.http.get('/rooms', { query: { kind: 'gym', limit: 100 } })).body.items;
      const rustadGym = gyms.find((r: any) => r.name === 'Gymsal');
      expect(rustadGym.openingHours).toContainEqual({ weekday: 2, opens: '17:00', closes: '22:00' });
      expect(rustadGym.openingHours).toContainEqual({ weekday: 6, opens: '09:00', closes: '21:00' });
      const buildings = (await t.http.get('/buildings')).body.items.map((b: any) => b.name);
      for (const name of [
        'Rustad skole',
        'Solberg skole',
        'Sjøskogen skole',
        'Brønnerud skole',
        'Kroer skole',
        'Åsgård skole',
        'Nordbytun ungdomsskole',
      ]) {
        expect(buildings).toContain(name);
      }

      // Organisations of each kind, verified and not; the demo applicant is a contact of two.
      const kinds = await t.dataSource.query('SELECT DISTINCT kind, status FROM organisations');
      expect(new Set(kinds.map((k: any) => k.kind))).toEqual(
        new Set(['voluntary', 'sports', 'study_association', 'public', 'commercial']),
      );
      expect(new Set(kinds.map((k: any) => k.status))).toEqual(new Set(['verified', 'pending']));
      const applicant = await t.http.post('/auth/login', {
        email: 'applicant@demo.frirom.no',
        password: 'demo-applicant',
      });
      expect(applicant.body.user.organisationIds).toHaveLength(2);
      const caretaker = await t.http.post('/auth/login', {
        email: 'caretaker@demo.frirom.no',
        password: 'demo-caretaker',
      });
      expect(caretaker.body.user.buildingIds).toHaveLength(2);
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

import { GenericPlanPool } from '../src/database/generic-plan-pool';
import { startApp, TestApp, TestUser } from './support/test-app';
import { eventually } from './support/eventually';

describe('the public portal: free rooms', () => {
  let t: TestApp;
  let staff: TestUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startApp();
    staff = await t.as('staff');
    const school = (await staff.http.post('/buildings', { name: 'Sjøskogen skole', kind: 'school' })).body;
    const culture = (
      await staff.http.post('/buildings', {
        name: 'Ås kulturhus',
        kind: 'culture',
        closedOnPublicHolidays: false,
      })
    ).body;
    ids.school = school.id;
    const make = async (name: string, body: Record<string, unknown>) => {
      const r = (
        await staff.http.post('/rooms', { buildingId: school.id, kind: 'gym', capacity: 30, name, ...body })
      ).body;
      await staff.http.put(`/rooms/${r.id}/opening-hours`, {
        hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '17:00', closes: '22:00' })),
      });
      ids[name] = r.id;
      return r;
    };
    await make('Hall', { kind: 'hall', capacity: 200, accessible: true });
    await make('Bane A', { parentRoomId: ids.Hall });
    await make('Bane B', { parentRoomId: ids.Hall });
    await make('Klasserom', { kind: 'classroom', capacity: 25 });
    await make('Sal', { buildingId: culture.id, kind: 'auditorium', capacity: 400, accessible: true });
  });
  afterAll(() => t.close());

  const free = async (query: Record<string, string | number | boolean>) => {
    const res = await t.http.get('/public/free-rooms', {
      query: { date: '2027-09-07', from: '18:00', to: '20:00', ...query },
    });
    expect(res.status).toBe(200);
    return (res.body.items as any[]).map((r) => r.name).sort();
  };

  it('lists rooms open for the whole window, without signing in', async () => {
    expect(await free({})).toEqual(['Bane A', 'Bane B', 'Hall', 'Klasserom', 'Sal']);
    expect(await free({ from: '16:00' })).toEqual([]);
    expect(await free({ to: '22:30' })).toEqual([]);
  });

  it('plans its statement once per connection: a generic plan, not a new one for every search', async () => {
    await free({});
    await free({ date: '2027-09-08', from: '19:00' });
    // The pool hands back the connection it used last (last in, first out): the one both searches ran on.
    const [plans] = await t.app.get(GenericPlanPool).query<{ generic: number; custom: number }>(
      `SELECT generic_plans::int AS generic, custom_plans::int AS custom
           FROM pg_prepared_statements WHERE name = 'frirom_free_rooms_taken'`,
    );
    expect(plans.custom).toBe(0);
    expect(plans.generic).toBeGreaterThanOrEqual(2);
  });

  it('pages through free rooms with limit and offset, counting them all', async () => {
    const page = await t.http.get('/public/free-rooms', {
      query: { date: '2027-09-07', from: '18:00', to: '20:00', limit: 2, offset: 1 },
    });
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBe(5);
  });

  it('filters by capacity, kind, accessibility and building', async () => {
    expect(await free({ minCapacity: 100 })).toEqual(['Hall', 'Sal']);
    expect(await free({ kind: 'gym' })).toEqual(['Bane A', 'Bane B']);
    expect(await free({ kind: 'hall', minCapacity: 300 })).toEqual([]);
    expect(await free({ accessible: true })).toEqual(['Hall', 'Sal']);
    expect(await free({ buildingId: ids.school, minCapacity: 26 })).toEqual(['Bane A', 'Bane B', 'Hall']);
  });

  it('leaves out closed rooms: a closed court closes its hall but not the other court', async () => {
    await staff.http.post('/closures', {
      roomId: ids['Bane A'],
      startsAt: '2027-09-14T00:00',
      endsAt: '2027-09-15T00:00',
      reason: 'Vask',
    });
    expect(await free({ date: '2027-09-14' })).toEqual(['Bane B', 'Klasserom', 'Sal']);
    await staff.http.post('/closures', {
      buildingId: ids.school,
      startsAt: '2027-09-21T19:00',
      endsAt: '2027-09-21T23:00',
      reason: 'Møte',
    });
    expect(await free({ date: '2027-09-21' })).toEqual(['Sal']);
  });

  it('leaves out buildings closed on public holidays (17 May), not those open on them', async () => {
    expect(await free({ date: '2027-05-17' })).toEqual(['Sal']);
  });

  it('answers in the order of building and room name, with every public field', async () => {
    const res = await t.http.get('/public/free-rooms', {
      query: { date: '2027-09-07', from: '18:00', to: '20:00' },
    });
    const order = await t.dataSource.query<{ id: string }[]>(
      `SELECT r.id FROM rooms r JOIN buildings b ON b.id = r.building_id ORDER BY b.name, r.name, r.id`,
    );
    expect(res.body.items.map((r: { id: string }) => r.id)).toEqual(order.map((r) => r.id));
    expect(res.body.items.find((r: { id: string }) => r.id === ids.Sal)).toEqual({
      id: ids.Sal,
      name: 'Sal',
      kind: 'auditorium',
      capacity: 400,
      areaSqm: null,
      accessible: true,
      facilities: [],
      buildingId: expect.any(String),
      buildingName: 'Ås kulturhus',
    });
  });

  it('answers past the last page with no items and the same total', async () => {
    const page = await t.http.get('/public/free-rooms', {
      query: { date: '2027-09-07', from: '18:00', to: '20:00', limit: 2, offset: 10 },
    });
    expect(page.body).toEqual({ items: [], total: 5 });
  });

  // The rooms are kept in memory between venue changes (src/portal/room-list.ts): each of these fails if
  // the next search answered from a list that went stale.
  describe('after a venue change, the very next search', () => {
    it('sees a room’s new capacity, accessibility and name', async () => {
      expect(await free({ minCapacity: 100 })).toEqual(['Hall', 'Sal']);
      await staff.http.patch(`/rooms/${ids.Klasserom}`, { capacity: 150, accessible: true, name: 'Aula' });
      expect(await free({ minCapacity: 100 })).toEqual(['Aula', 'Hall', 'Sal']);
      expect(await free({ accessible: true })).toEqual(['Aula', 'Hall', 'Sal']);
      await staff.http.patch(`/rooms/${ids.Klasserom}`, {
        capacity: 25,
        accessible: false,
        name: 'Klasserom',
      });
      expect(await free({ minCapacity: 100 })).toEqual(['Hall', 'Sal']);
    });

    it('sees new opening hours and a building’s new name and holiday rule', async () => {
      await staff.http.put(`/rooms/${ids.Sal}/opening-hours`, {
        hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '17:00', closes: '19:00' })),
      });
      expect(await free({})).toEqual(['Bane A', 'Bane B', 'Hall', 'Klasserom']);
      await staff.http.put(`/rooms/${ids.Sal}/opening-hours`, {
        hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '17:00', closes: '22:00' })),
      });
      expect(await free({})).toContain('Sal');

      await staff.http.patch(`/buildings/${ids.school}`, {
        name: 'Nordby skole',
        closedOnPublicHolidays: false,
      });
      const res = await t.http.get('/public/free-rooms', {
        query: { date: '2027-05-17', from: '18:00', to: '20:00' },
      });
      expect(new Set(res.body.items.map((r: { buildingName: string }) => r.buildingName))).toEqual(
        new Set(['Nordby skole', 'Ås kulturhus']),
      );
      await staff.http.patch(`/buildings/${ids.school}`, {
        name: 'Sjøskogen skole',
        closedOnPublicHolidays: true,
      });
      expect(await free({ date: '2027-05-17' })).toEqual(['Sal']);
    });

    it('sees a new room, and a room made a section of a hall, whose closure then closes the hall', async () => {
      const courtC = (
        await staff.http.post('/rooms', { buildingId: ids.school, kind: 'gym', capacity: 30, name: 'Bane C' })
      ).body;
      await staff.http.put(`/rooms/${courtC.id}/opening-hours`, {
        hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '17:00', closes: '22:00' })),
      });
      await staff.http.post('/closures', {
        roomId: courtC.id,
        startsAt: '2027-09-28T00:00',
        endsAt: '2027-09-29T00:00',
        reason: 'Maling',
      });
      expect(await free({ date: '2027-10-05' })).toContain('Bane C');
      expect(await free({ date: '2027-09-28' })).toEqual(['Bane A', 'Bane B', 'Hall', 'Klasserom', 'Sal']);
      expect((await staff.http.patch(`/rooms/${courtC.id}`, { parentRoomId: ids.Hall })).status).toBe(200);
      expect(await free({ date: '2027-09-28' })).toEqual(['Bane A', 'Bane B', 'Klasserom', 'Sal']);
    });

    it('sees a change written by another process, straight to the database', async () => {
      await t.dataSource.query('UPDATE rooms SET capacity = 500 WHERE id = $1', [ids.Klasserom]);
      expect(await free({ minCapacity: 450 })).toEqual(['Klasserom']);
      await t.dataSource.query('UPDATE rooms SET capacity = 25 WHERE id = $1', [ids.Klasserom]);
      expect(await free({ minCapacity: 450 })).toEqual([]);
    });
  });

  it('two venue edits crossing the same rooms in opposite order wait for each other, not deadlock on the version', async () => {
    const version = async () => Number((await t.dataSource.query('SELECT n FROM venue_version'))[0].n);
    const [a, b] = [t.dataSource.createQueryRunner(), t.dataSource.createQueryRunner()];
    await Promise.all([a.connect(), b.connect()]);
    try {
      for (const q of [a, b]) {
        await q.startTransaction();
        await q.query(`SET LOCAL lock_timeout = '5s'`);
      }
      const before = await version();
      const touch = (q: typeof a, room: string) =>
        q.query('UPDATE rooms SET capacity = capacity WHERE id = $1', [ids[room]]);
      const [{ pid }] = await a.query('SELECT pg_backend_pid() AS pid');
      await touch(a, 'Klasserom');
      await touch(b, 'Sal');
      const aSecond = touch(a, 'Sal'); // waits for b's row lock on Sal
      await eventually(async () => {
        const [row] = await t.dataSource.query(
          'SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1',
          [pid],
        );
        expect(row.wait_event_type).toBe('Lock');
        return true;
      });
      await b.commitTransaction();
      await aSecond;
      await a.commitTransaction();
      expect(await version()).toBe(before + 2);
    } finally {
      for (const q of [a, b]) {
        if (q.isTransactionActive) await q.rollbackTransaction();
        await q.release();
      }
    }
  });

  it('answers 400 to a window that ends before it starts or to a bad date', async () => {
    const backwards = await t.http.get('/public/free-rooms', {
      query: { date: '2027-09-07', from: '20:00', to: '18:00' },
    });
    expect([backwards.status, backwards.body.code]).toEqual([400, 'INVALID_TIME_RANGE']);
    const badDate = await t.http.get('/public/free-rooms', {
      query: { date: '2027-02-30', from: '18:00', to: '20:00' },
    });
    expect(badDate.status).toBe(400);
    const missing = await t.http.get('/public/free-rooms', { query: { date: '2027-09-07' } });
    expect(missing.status).toBe(400);
    const kind = await t.http.get('/public/free-rooms', {
      query: { date: '2027-09-07', from: '18:00', to: '20:00', kind: 'ballroom' },
    });
    expect([kind.status, kind.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});

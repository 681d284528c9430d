import { startApp, TestApp, TestUser } from './support/test-app';

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

  it('pages through free rooms with limit and offset, counting them all', async () => {
    const page = await t.http.get('/public/free-rooms', {
      query: { date: '2027-09-07', from: '18:00', to: '20:00', limit: 2, offset: 1 },
    });
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBe(5);
  });

  it('filters by capacity, accessibility and building', async () => {
    expect(await free({ minCapacity: 100 })).toEqual(['Hall', 'Sal']);
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
  });
});

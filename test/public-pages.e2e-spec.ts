import { addDays, osloToday } from '../src/common/time';
import { startApp, TestApp } from './support/test-app';
import { bookingWorld, BookingWorld, requestBody } from './support/world';

/** The portal's own routes: activities, a room's busy times, an organisation's page, today's rules. */
describe('the public pages API', () => {
  let t: TestApp;
  let w: BookingWorld;
  // Tomorrow: in the future (so it can be booked) and, but on 31 December, in this year.
  const day = addDays(osloToday(), 1);
  const thisYear = day.slice(0, 4) === osloToday().slice(0, 4);

  beforeAll(async () => {
    t = await startApp();
    w = await bookingWorld(t);
    // 200 kr an hour for nonprofits; sports clubs get it free: the waived rent is the support.
    await w.staff.http.put(`/rooms/${w.courtA.id}/prices`, {
      hourlyOre: { nonprofit: 20000, public: 30000, commercial: 50000, private: 40000 },
    });
    const rule = await w.staff.http.post('/exemption-rules', {
      name: 'Idrett er gratis',
      priority: 10,
      validFrom: '2020-01-01',
      conditions: { organisationKinds: ['sports'] },
      effect: { waivePercent: 100 },
    });
    expect(rule.status).toBe(201);
    const asked = await w.applicant.http.post(
      '/booking-requests',
      requestBody(w, { roomId: w.courtA.id, startsAt: `${day}T18:00`, endsAt: `${day}T19:30` }),
    );
    expect(asked.status).toBe(201);
    expect((await w.staff.http.post(`/booking-requests/${asked.body.id}/approve`, {})).status).toBe(200);
    // Pending and of an unverified organisation: in no public answer.
    await w.applicant.http.post(
      '/booking-requests',
      requestBody(w, { startsAt: `${day}T18:00`, endsAt: `${day}T19:00` }),
    );
  });
  afterAll(() => t.close());

  it('lists approved bookings of verified organisations as activities, naming nobody', async () => {
    const res = await t.http.get('/public/activities', { query: { from: day, to: day } });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        title: 'Håndballtrening J12',
        organisationId: w.org.id,
        organisationName: 'Testklubben',
        roomId: w.courtA.id,
        roomName: 'Bane A',
        buildingName: 'Testskolen',
      }),
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/@|email|phone/i);
    const other = await t.http.get('/public/activities', {
      query: { from: day, to: day, buildingId: w.building.id, organisationId: w.unverified.id },
    });
    expect(other.body.items).toEqual([]);
  });

  it('shows a room busy when it or a room sharing its floor is booked, without saying by whom', async () => {
    for (const room of [w.courtA, w.hall]) {
      const res = await t.http.get(`/public/rooms/${room.id}/busy`, {
        query: { from: day, to: addDays(day, 6) },
      });
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        {
          startsAt: expect.stringContaining(`${day}T18:00`),
          endsAt: expect.stringContaining(`${day}T19:30`),
          reason: 'booked',
        },
      ]);
    }
    const free = await t.http.get(`/public/rooms/${w.courtB.id}/busy`, { query: { from: day, to: day } });
    expect(free.body.items).toEqual([]);
  });

  it("gives a verified organisation's page with what free use was worth this year", async () => {
    const res = await t.http.get(`/public/organisations/${w.org.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: w.org.id, name: 'Testklubben', kind: 'sports' });
    expect(res.body).not.toHaveProperty('email');
    expect(res.body.support).toEqual(
      thisYear
        ? { year: Number(day.slice(0, 4)), bookings: 1, hours: 1.5, listOre: 30000, waivedOre: 30000 }
        : expect.objectContaining({ bookings: 0, waivedOre: 0 }),
    );
    expect((await t.http.get(`/public/organisations/${w.unverified.id}`)).status).toBe(404);
  });

  it('finds organisations by part of their name, newest first when asked', async () => {
    const res = await t.http.get('/public/organisations', { query: { q: 'testklub' } });
    expect(res.body.items.map((o: any) => o.name)).toEqual(['Testklubben']);
    expect((await t.http.get('/public/organisations', { query: { q: '%' } })).body.items).toEqual([]);
    expect((await t.http.get('/public/organisations', { query: { sort: 'newest' } })).status).toBe(200);
    expect((await t.http.get('/public/organisations', { query: { sort: 'oldest' } })).status).toBe(400);
  });

  it("lists today's exemption rules without who made them", async () => {
    const res = await t.http.get('/public/exemption-rules');
    expect(res.status).toBe(200);
    const rule = res.body.items.find((r: any) => r.name === 'Idrett er gratis');
    expect(rule).toMatchObject({
      conditions: { organisationKinds: ['sports'] },
      effect: { waivePercent: 100 },
    });
    expect(rule).not.toHaveProperty('createdBy');
  });

  it('refuses bad windows and ids with 400, unknown rooms with 404', async () => {
    const bad = [
      ['/public/activities', { from: day, to: addDays(day, -1) }],
      ['/public/activities', { from: day, to: addDays(day, 62) }],
      ['/public/activities', { from: 'tomorrow', to: day }],
      [`/public/rooms/${w.gym.id}/busy`, { from: day, to: addDays(day, 31) }],
      ['/public/rooms/not-a-uuid/busy', { from: day, to: day }],
    ] as const;
    for (const [path, query] of bad)
      expect([path, (await t.http.get(path, { query })).status]).toEqual([path, 400]);
    const unknown = await t.http.get('/public/rooms/00000000-0000-4000-8000-000000000000/busy', {
      query: { from: day, to: day },
    });
    expect(unknown.status).toBe(404);
  });
});

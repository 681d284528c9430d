import { nth, TUESDAY, Y } from './support/dates';
import { startApp, TestApp, TestUser } from './support/test-app';
import { addContact, bookingWorld, BookingWorld, requestBody } from './support/world';

const WEDNESDAY = 3;
const RATES = (nonprofit: number) => ({
  hourlyOre: { nonprofit, public: nonprofit, commercial: nonprofit * 2, private: nonprofit * 2 },
});

/**
 * GET /organisations/:id/support: a year of approved bookings by building and month, from a world whose
 * every figure is known: the school's gym at 200 kr an hour with half waived for sports clubs at schools,
 * the culture house's hall at 300 kr an hour with nothing waived.
 */
describe("an organisation's support statement", () => {
  let t: TestApp;
  let w: BookingWorld;
  let culture: { id: string };
  let colleague: TestUser;
  const sept = nth(9, TUESDAY);
  const oct = nth(10, TUESDAY);
  const octWed = nth(10, WEDNESDAY);

  const approved = async (body: Record<string, unknown>) => {
    const asked = await w.applicant.http.post('/booking-requests', requestBody(w, body));
    expect(asked.status).toBe(201);
    expect((await w.staff.http.post(`/booking-requests/${asked.body.id}/approve`, {})).status).toBe(200);
    return asked.body as { id: string; occurrences: { id: string }[] };
  };

  beforeAll(async () => {
    t = await startApp();
    w = await bookingWorld(t);
    expect((await w.staff.http.put(`/rooms/${w.gym.id}/prices`, RATES(20000))).status).toBe(200);
    const rule = await w.staff.http.post('/exemption-rules', {
      name: 'Halv pris for idrett i skolene',
      priority: 10,
      validFrom: '2020-01-01',
      conditions: { organisationKinds: ['sports'], buildingKinds: ['school'] },
      effect: { waivePercent: 50 },
    });
    expect(rule.status).toBe(201);
    const building = (await w.staff.http.post('/buildings', { name: 'Kulturhuset', kind: 'culture' })).body;
    culture = (
      await w.staff.http.post('/rooms', {
        buildingId: building.id,
        name: 'Salen',
        kind: 'hall',
        capacity: 80,
      })
    ).body;
    await w.staff.http.put(`/rooms/${culture.id}/opening-hours`, {
      hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '23:00' })),
    });
    expect((await w.staff.http.put(`/rooms/${culture.id}/prices`, RATES(30000))).status).toBe(200);

    // September: 1.5 h in the gym. October: 2 h in the gym and 1 h in the culture house.
    await approved({ startsAt: `${sept}T18:00`, endsAt: `${sept}T19:30` });
    await approved({ startsAt: `${oct}T18:00`, endsAt: `${oct}T20:00` });
    await approved({ roomId: culture.id, startsAt: `${octWed}T18:00`, endsAt: `${octWed}T19:00` });
    // Not counted: a pending request, a cancelled date, and a date next year.
    const novTue = nth(11, TUESDAY);
    expect(
      (
        await w.applicant.http.post(
          '/booking-requests',
          requestBody(w, { startsAt: `${novTue}T18:00`, endsAt: `${novTue}T19:00` }),
        )
      ).status,
    ).toBe(201);
    const cancelled = await approved({
      startsAt: `${nth(11, TUESDAY, 2)}T18:00`,
      endsAt: `${nth(11, TUESDAY, 2)}T19:00`,
    });
    expect(
      (
        await w.applicant.http.post(`/occurrences/${cancelled.occurrences[0].id}/cancel`, {
          reason: 'Avlyst',
        })
      ).status,
    ).toBe(200);
    const next = nth(1, TUESDAY, 2, Y + 1);
    await approved({ startsAt: `${next}T18:00`, endsAt: `${next}T19:00` });

    colleague = await t.createUser(['applicant']);
    await addContact(t, w.org.id, colleague.user.id);
  });
  afterAll(() => t.close());

  it('sums the year by building and by month, in øre', async () => {
    const res = await w.applicant.http.get(`/organisations/${w.org.id}/support`, { query: { year: Y } });
    expect(res.status).toBe(200);
    expect(res.body.organisationId).toBe(w.org.id);
    expect(res.body.year).toBe(Y);
    expect(res.body.total).toEqual({
      bookings: 3,
      hours: 4.5,
      listOre: 30000 + 40000 + 30000,
      waivedOre: 15000 + 20000,
      chargedOre: 15000 + 20000 + 30000,
    });
    expect(res.body.byBuilding).toEqual([
      {
        buildingId: expect.any(String),
        buildingName: 'Kulturhuset',
        bookings: 1,
        hours: 1,
        listOre: 30000,
        waivedOre: 0,
        chargedOre: 30000,
      },
      {
        buildingId: w.building.id,
        buildingName: 'Testskolen',
        bookings: 2,
        hours: 3.5,
        listOre: 70000,
        waivedOre: 35000,
        chargedOre: 35000,
      },
    ]);
    expect(res.body.byMonth).toHaveLength(12);
    expect(res.body.byMonth[8]).toEqual({
      month: 9,
      bookings: 1,
      hours: 1.5,
      listOre: 30000,
      waivedOre: 15000,
      chargedOre: 15000,
    });
    expect(res.body.byMonth[9]).toEqual({
      month: 10,
      bookings: 2,
      hours: 3,
      listOre: 70000,
      waivedOre: 20000,
      chargedOre: 50000,
    });
    expect(res.body.byMonth[10]).toEqual({
      month: 11,
      bookings: 0,
      hours: 0,
      listOre: 0,
      waivedOre: 0,
      chargedOre: 0,
    });
    expect(res.body.cells).toEqual([
      expect.objectContaining({
        buildingId: res.body.byBuilding[0].buildingId,
        month: 10,
        chargedOre: 30000,
      }),
      expect.objectContaining({ buildingId: w.building.id, month: 9, hours: 1.5, waivedOre: 15000 }),
      expect.objectContaining({ buildingId: w.building.id, month: 10, hours: 2, waivedOre: 20000 }),
    ]);
  });

  it('counts a year by itself: next year has only its own date', async () => {
    const res = await w.staff.http.get(`/organisations/${w.org.id}/support`, { query: { year: Y + 1 } });
    expect(res.status).toBe(200);
    expect(res.body.total).toEqual({
      bookings: 1,
      hours: 1,
      listOre: 20000,
      waivedOre: 10000,
      chargedOre: 10000,
    });
    expect(res.body.byMonth[0].bookings).toBe(1);
  });

  it("matches the organisation's public page for this year", async () => {
    const mine = await colleague.http.get(`/organisations/${w.org.id}/support`);
    const page = await t.http.get(`/public/organisations/${w.org.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.year).toBe(page.body.support.year);
    const { bookings, hours, listOre, waivedOre } = mine.body.total;
    expect({ year: mine.body.year, bookings, hours, listOre, waivedOre }).toEqual(page.body.support);
  });

  it('is for its contacts and staff only: 404 for others (the one access rule), 401 signed out', async () => {
    const other = await w.stranger.http.get(`/organisations/${w.org.id}/support`, { query: { year: Y } });
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('NOT_FOUND');
    expect((await t.http.get(`/organisations/${w.org.id}/support`)).status).toBe(401);
    expect((await w.staff.http.get(`/organisations/${w.stranger.user.id}/support`)).status).toBe(404);
  });

  it('refuses a bad year with 400, in bokmål when asked', async () => {
    for (const year of ['1999', '2101', 'abc', '2027.5']) {
      const res = await w.applicant.http.get(`/organisations/${w.org.id}/support`, { query: { year } });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    const nb = await w.applicant.http.get(`/organisations/${w.org.id}/support`, {
      query: { year: 'x' },
      headers: { 'accept-language': 'nb' },
    });
    expect(nb.status).toBe(400);
    expect(nb.body.message).toMatch(/heltall/);
  });
});

describe('the public settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ env: { LATE_CANCELLATION_DAYS: '3', BOOKING_HORIZON_MONTHS: '18' } });
  });
  afterAll(() => t.close());

  it('give the late-cancellation limit and booking horizon the service applies', async () => {
    const res = await t.http.get('/public/settings');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ lateCancellationDays: 3, bookingHorizonMonths: 18 });
  });
});

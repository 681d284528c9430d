import { addDays, SUPPORTED_YEARS } from '../src/common/time';
import { last, SUNDAY } from './support/dates';
import { startApp, TestApp, TestUser } from './support/test-app';
import { BookingWorld, bookingWorld, FIRST_TUESDAY_OF_SEPTEMBER as TUE, requestBody } from './support/world';

/** Every instant answered carries the Oslo offset; clock changes and plain dates read as documented. */
describe('instants in Europe/Oslo', () => {
  let t: TestApp;
  let w: BookingWorld;
  let caretaker: TestUser;
  beforeAll(async () => {
    t = await startApp();
    w = await bookingWorld(t);
    caretaker = await t.createUser(['caretaker']);
    await (await t.as('admin')).http.patch(`/users/${caretaker.user.id}`, { buildingIds: [w.building.id] });
  });
  afterAll(() => t.close());

  const OSLO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/;
  /** Every string in an answer that looks like an instant, with where it is. */
  const instants = (value: unknown, path = ''): [string, string][] => {
    if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}T/.test(value) ? [[path, value]] : [];
    if (Array.isArray(value)) return value.flatMap((v, i) => instants(v, `${path}[${i}]`));
    if (value && typeof value === 'object')
      return Object.entries(value).flatMap(([k, v]) => instants(v, `${path}.${k}`));
    return [];
  };
  const notOslo = (value: unknown) => instants(value).filter(([, v]) => !OSLO_INSTANT.test(v));

  it('gives the instants of a 409 BOOKING_CONFLICT with the Oslo offset', async () => {
    const date = addDays(TUE, 7);
    const body = requestBody(w, { startsAt: `${date}T18:00`, endsAt: `${date}T20:00` });
    const first = (await w.applicant.http.post('/booking-requests', body)).body;
    const second = (await w.applicant.http.post('/booking-requests', body)).body;
    expect((await w.staff.http.post(`/booking-requests/${first.id}/approve`, {})).status).toBe(200);
    const refused = await w.staff.http.post(`/booking-requests/${second.id}/approve`, {});
    expect([refused.status, refused.body.code]).toEqual([409, 'BOOKING_CONFLICT']);
    expect(refused.body.details[0].startsAt).toBe(`${date}T18:00:00+02:00`);
    expect(notOslo(refused.body)).toEqual([]);
  });

  it('gives every instant of a request, an organisation, closures and a season with the Oslo offset', async () => {
    const request = (await w.applicant.http.post('/booking-requests', requestBody(w))).body;
    await w.staff.http.post('/closures', {
      roomId: w.gym.id,
      startsAt: `${addDays(TUE, 60)}T00:00`,
      endsAt: `${addDays(TUE, 61)}T00:00`,
      reason: 'Maling',
    });
    const views = [
      (await w.applicant.http.get(`/booking-requests/${request.id}`)).body,
      (await w.applicant.http.get('/booking-requests')).body,
      (await w.staff.http.get(`/organisations/${w.org.id}`)).body,
      (await w.staff.http.get('/closures')).body,
      (await w.staff.http.get('/conflicts')).body,
    ];
    expect(instants(views).length).toBeGreaterThan(5);
    expect(notOslo(views)).toEqual([]);
  });

  it('refuses a wall time in the spring gap, saying it does not exist in Oslo that day', async () => {
    const gapDay = last(3, SUNDAY);
    const res = await w.applicant.http.post(
      '/booking-requests',
      requestBody(w, { roomId: w.courtA.id, startsAt: `${gapDay}T02:30`, endsAt: `${gapDay}T04:00` }),
    );
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(res.body.details).toEqual([
      expect.objectContaining({ field: 'startsAt', code: 'nonexistent_local_time' }),
    ]);
    expect(res.body.message).toMatch(`startsAt: ${gapDay}T02:30 does not exist in Europe/Oslo`);
    const norwegian = await w.applicant.http.post(
      '/booking-requests',
      requestBody(w, { roomId: w.courtA.id, startsAt: `${gapDay}T02:30`, endsAt: `${gapDay}T04:00` }),
      { headers: { 'accept-language': 'nb' } },
    );
    expect(norwegian.body.details[0].message).toBe(
      `startsAt: ${gapDay}T02:30 finnes ikke i norsk tid, for den dagen stilles klokka fram fra 02:00 til 03:00`,
    );
    const query = await w.staff.http.get('/conflicts', { query: { from: `${gapDay}T02:15` } });
    expect([query.status, query.body.details?.[0]?.code]).toEqual([400, 'nonexistent_local_time']);
  });

  it('reads a wall time in the repeated October hour as the first one, summer time', async () => {
    const autumn = last(10, SUNDAY);
    const res = await w.staff.http.post('/closures', {
      roomId: w.hall.id,
      startsAt: `${autumn}T02:30`,
      endsAt: `${autumn}T02:45`,
      reason: 'Stilles klokka',
    });
    expect(res.status).toBe(201);
    expect([res.body.startsAt, res.body.endsAt]).toEqual([
      `${autumn}T02:30:00+02:00`,
      `${autumn}T02:45:00+02:00`,
    ]);
    // the second 02:30 is reachable with an explicit offset
    const second = await w.staff.http.post('/closures', {
      roomId: w.hall.id,
      startsAt: `${autumn}T02:30:00+01:00`,
      endsAt: `${autumn}T02:45:00+01:00`,
      reason: 'Stilles klokka igjen',
    });
    expect(second.body.startsAt).toBe(`${autumn}T02:30:00+01:00`);
  });

  it('reads a plain date in a query as the start of that day in Oslo', async () => {
    const request = (
      await w.applicant.http.post('/booking-requests', requestBody(w, { title: 'Dato-spørring' }))
    ).body;
    expect((await w.staff.http.post(`/booking-requests/${request.id}/approve`, {})).status).toBe(200);
    const res = await caretaker.http.get('/caretaker/occurrences', {
      query: { from: TUE, to: addDays(TUE, 1) },
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((o: any) => o.title)).toContain('Dato-spørring');
    // the day before ends where TUE begins: nothing of TUE in it
    const before = await caretaker.http.get('/caretaker/occurrences', {
      query: { from: addDays(TUE, -1), to: TUE },
    });
    expect(before.body.items.map((o: any) => o.title)).not.toContain('Dato-spørring');
    const open = await t.http.get(`/rooms/${w.gym.id}/availability`, {
      query: { startsAt: TUE, endsAt: addDays(TUE, 1) },
    });
    expect(open.status).toBe(200);
    const tooEarly = await caretaker.http.get('/caretaker/occurrences', {
      query: { from: `${SUPPORTED_YEARS.first - 1}-12-31`, to: TUE },
    });
    expect([tooEarly.status, tooEarly.body.details?.[0]?.code]).toEqual([400, 'date_out_of_range']);
  });
});

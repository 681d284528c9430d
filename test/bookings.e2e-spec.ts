import { addDays } from '../src/common/time';
import { last, nth, SUNDAY, TUESDAY, Y } from './support/dates';
import { startApp, TestApp } from './support/test-app';
import { BookingWorld, bookingWorld, FIRST_TUESDAY_OF_SEPTEMBER as TUE, requestBody } from './support/world';

describe('booking requests', () => {
  let t: TestApp;
  let w: BookingWorld;
  beforeAll(async () => {
    t = await startApp();
    w = await bookingWorld(t);
  });
  afterAll(() => t.close());

  const rows = async (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
  const count = async (table: string) =>
    (await rows(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  it('stores a single booking as one pending occurrence with its fee, answering 201', async () => {
    const res = await w.applicant.http.post('/booking-requests', requestBody(w));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'submitted',
      organisationName: 'Testklubben',
      occurrenceCount: 1,
    });
    expect(res.body.occurrences).toEqual([
      expect.objectContaining({
        startsAt: `${TUE}T18:00:00+02:00`,
        endsAt: `${TUE}T19:30:00+02:00`,
        status: 'pending',
        conflicts: [],
        fee: expect.objectContaining({ listOre: expect.any(Number), chargedOre: expect.any(Number) }),
      }),
    ]);
    expect(res.body.total).toEqual({ listOre: 0, waivedOre: 0, chargedOre: 0 }); // no price list: costs nothing
    const [stored] = await rows(
      'SELECT lower(period) = starts_at AS ok FROM booking_occurrences WHERE id = $1',
      [res.body.occurrences[0].id],
    );
    expect(stored.ok).toBe(true);
  });

  it('lets staff book on behalf of an organisation, but not a stranger', async () => {
    const staff = await w.staff.http.post('/booking-requests', requestBody(w, { title: 'På vegne av' }));
    expect(staff.status).toBe(201);
    const stranger = await w.stranger.http.post('/booking-requests', requestBody(w));
    expect(stranger.status).toBe(404);
  });

  it('keeps weekly 18:00 at 18:00 local across the last Sundays of March and October', async () => {
    const march = last(3, SUNDAY);
    const start = addDays(march, -12); // the Tuesday two weeks before
    const res = await w.applicant.http.post(
      '/booking-requests',
      requestBody(w, {
        startsAt: `${start}T18:00`,
        endsAt: `${start}T20:00`,
        recurrence: { rrule: 'FREQ=WEEKLY;COUNT=4' },
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.occurrences.map((o: any) => o.startsAt)).toEqual([
      `${start}T18:00:00+01:00`,
      `${addDays(start, 7)}T18:00:00+01:00`,
      `${addDays(start, 14)}T18:00:00+02:00`,
      `${addDays(start, 21)}T18:00:00+02:00`,
    ]);
    const october = last(10, SUNDAY);
    const autumn = addDays(october, -5);
    const res2 = await w.applicant.http.post(
      '/booking-requests',
      requestBody(w, {
        startsAt: `${autumn}T18:00`,
        endsAt: `${autumn}T20:00`,
        recurrence: { rrule: 'FREQ=WEEKLY;COUNT=2' },
      }),
    );
    expect(res2.body.occurrences.map((o: any) => o.startsAt)).toEqual([
      `${autumn}T18:00:00+02:00`,
      `${addDays(autumn, 7)}T18:00:00+01:00`,
    ]);
    expect(res2.body.occurrences.map((o: any) => o.endsAt.slice(11, 16))).toEqual(['20:00', '20:00']);
  });

  it('reads monthly "second Tuesday" and leaves out exdates', async () => {
    const second = nth(9, TUESDAY, 2);
    const res = await w.applicant.http.post(
      '/booking-requests',
      requestBody(w, {
        startsAt: `${second}T19:00`,
        endsAt: `${second}T20:00`,
        recurrence: { rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=4', exdates: [`${nth(10, TUESDAY, 2)}`] },
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.occurrences.map((o: any) => o.startsAt.slice(0, 10))).toEqual([
      second,
      nth(11, TUESDAY, 2),
      nth(12, TUESDAY, 2),
    ]);
    expect(res.body.recurrence).toEqual({
      rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=4',
      exdates: [nth(10, TUESDAY, 2)],
    });
  });

  it.each([
    ['ends before it starts', { endsAt: `${TUE}T17:00` }, 400, 'VALIDATION_FAILED'],
    ['ends when it starts', { endsAt: `${TUE}T18:00` }, 400, 'INVALID_TIME_RANGE'],
    ['lasts more than 24 hours', { endsAt: `${addDays(TUE, 1)}T19:00` }, 400, 'TOO_LONG'],
    ['is in the past', { startsAt: '2020-01-07T18:00', endsAt: '2020-01-07T19:00' }, 400, 'IN_THE_PAST'],
    ['has more people than the room holds', { expectedParticipants: 61 }, 400, 'OVER_CAPACITY'],
    ['has an invalid rule', { recurrence: { rrule: 'FREQ=SECONDLY;COUNT=2' } }, 400, 'INVALID_RRULE'],
    [
      'has too many occurrences',
      { recurrence: { rrule: 'FREQ=DAILY;COUNT=501' } },
      400,
      'TOO_MANY_OCCURRENCES',
    ],
    [
      'runs more than 2 years',
      { recurrence: { rrule: `FREQ=MONTHLY;UNTIL=${Y + 3}0101T000000Z` } },
      400,
      'TOO_MANY_OCCURRENCES',
    ],
    ['names an unknown room', { roomId: '00000000-0000-4000-8000-000000000000' }, 404, 'NOT_FOUND'],
    ['has an unknown field', { colour: 'red' }, 400, 'VALIDATION_FAILED'],
    ['has a wrong type', { expectedParticipants: 'many' }, 400, 'VALIDATION_FAILED'],
  ])('refuses a request that %s, writing nothing', async (_name, overrides, status, code) => {
    const before = [await count('booking_requests'), await count('booking_occurrences')];
    const res = await w.applicant.http.post('/booking-requests', requestBody(w, overrides));
    expect([res.status, res.body.code]).toEqual([status, code]);
    expect([await count('booking_requests'), await count('booking_occurrences')]).toEqual(before);
  });

  it('refuses an unverified organisation with its own code', async () => {
    const res = await w.applicant.http.post(
      '/booking-requests',
      requestBody(w, { organisationId: w.unverified.id }),
    );
    expect([res.status, res.body.code]).toEqual([409, 'ORGANISATION_NOT_VERIFIED']);
  });

  it('quotes fees for a pending organisation’s contact: only booking needs verification', async () => {
    const body = requestBody(w, { organisationId: w.unverified.id });
    const quote = await w.applicant.http.post('/fees/quote', body);
    expect(quote.status).toBe(200);
    expect(quote.body.occurrences).toHaveLength(1);
    expect(quote.body.total).toEqual(expect.objectContaining({ chargedOre: expect.any(Number) }));
    // still only for its own contacts
    expect((await w.stranger.http.post('/fees/quote', body)).status).toBe(404);
  });

  it('shows an applicant only its own organisations’ requests', async () => {
    const created = (await w.applicant.http.post('/booking-requests', requestBody(w, { title: 'Mine' })))
      .body;
    expect((await w.stranger.http.get(`/booking-requests/${created.id}`)).status).toBe(404);
    expect((await w.stranger.http.get('/booking-requests')).body.total).toBe(0);
    const mine = await w.applicant.http.get('/booking-requests', { query: { organisationId: w.org.id } });
    expect(mine.body.items.map((r: any) => r.id)).toContain(created.id);
    expect((await w.staff.http.get(`/booking-requests/${created.id}`)).status).toBe(200);
    expect((await w.stranger.http.post(`/booking-requests/${created.id}/withdraw`, {})).status).toBe(404);
  });
});

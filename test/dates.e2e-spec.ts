import { osloPlusMonths, osloToday } from '../src/common/time';
import { startApp, TestApp } from './support/test-app';
import { BookingWorld, bookingWorld, requestBody } from './support/world';

/**
 * Dates and instants a client can get wrong: far years, reversed ranges, dates past the booking horizon.
 * Each answers 400 with a reason and writes nothing; none answers 500.
 */
describe('dates the service accepts', () => {
  let t: TestApp;
  let w: BookingWorld;
  beforeAll(async () => {
    t = await startApp();
    w = await bookingWorld(t);
  });
  afterAll(() => t.close());

  const rows = async (table: string): Promise<number> =>
    Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);
  const reasons = (body: any): string[] => (body.details ?? []).map((d: any) => `${d.field}:${d.code}`);

  it('refuses a booking request and a quote in year 9999 as a validation failure, writing nothing', async () => {
    const before = await rows('booking_requests');
    const far = { startsAt: '9999-12-31T18:00', endsAt: '9999-12-31T19:30' };
    for (const path of ['/booking-requests', '/fees/quote']) {
      const res = await w.applicant.http.post(path, requestBody(w, far));
      expect([path, res.status, res.body.code]).toEqual([path, 400, 'VALIDATION_FAILED']);
      expect(reasons(res.body)).toEqual(['startsAt:date_out_of_range', 'endsAt:date_out_of_range']);
      expect(res.body.message).toMatch(/startsAt must lie in the years 2000–2100/);
    }
    expect(await rows('booking_requests')).toBe(before);
  });

  it('answers an anonymous availability question in year 9999 with 400', async () => {
    const res = await t.http.get(`/rooms/${w.gym.id}/availability`, {
      query: { startsAt: '9999-12-31T18:00', endsAt: '9999-12-31T23:00' },
    });
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('refuses conflicts asked for with from after to, also when from is left to its default', async () => {
    const reversed = await w.staff.http.get('/conflicts', {
      query: { from: '2027-10-01T00:00', to: '2027-09-01T00:00' },
    });
    expect([reversed.status, reversed.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(reasons(reversed.body)).toEqual(['to:reversed_range']);
    const pastTo = await w.staff.http.get('/conflicts', { query: { to: '2020-01-01' } });
    expect([pastTo.status, pastTo.body.code, reasons(pastTo.body)]).toEqual([
      400,
      'VALIDATION_FAILED',
      ['to:reversed_range'],
    ]);
  });

  it('refuses moving an occurrence to year 9999', async () => {
    const request = (await w.applicant.http.post('/booking-requests', requestBody(w))).body;
    const res = await w.staff.http.post(`/occurrences/${request.occurrences[0].id}/move`, {
      startsAt: '9999-12-31T18:00',
      endsAt: '9999-12-31T19:00',
    });
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('does not store an exemption rule from year 1000, and simulation keeps working', async () => {
    const rule = {
      name: 'Gammel regel',
      priority: 5,
      validFrom: '1000-01-01',
      conditions: { organisationKinds: ['sports'] },
      effect: { waivePercent: 50 },
    };
    const before = await rows('exemption_rule_versions');
    const res = await w.staff.http.post('/exemption-rules', rule);
    expect([res.status, res.body.code, reasons(res.body)]).toEqual([
      400,
      'VALIDATION_FAILED',
      ['validFrom:date_out_of_range'],
    ]);
    expect(await rows('exemption_rule_versions')).toBe(before);
    const simulated = await w.staff.http.post('/fees/simulate', {
      from: '2027-09-01',
      to: '2027-09-30',
      rules: [],
    });
    expect(simulated.status).toBe(200);

    const proposed = await w.staff.http.post('/fees/simulate', {
      from: '2027-09-01',
      to: '2027-09-30',
      rules: [{ ...rule, validFrom: '1893-01-01' }],
    });
    expect([proposed.status, proposed.body.code, reasons(proposed.body)]).toEqual([
      400,
      'VALIDATION_FAILED',
      ['rules.0.validFrom:date_out_of_range'],
    ]);
    const reversed = await w.staff.http.post('/fees/simulate', {
      from: '2027-09-30',
      to: '2027-09-01',
      rules: [],
    });
    expect([reversed.status, reasons(reversed.body)]).toEqual([400, ['to:reversed_range']]);
  });

  it('refuses a free-use evaluation of an unusable period up front, queueing nothing', async () => {
    const before = await rows('evaluation_reports');
    for (const period of [
      { from: '1000-01-01', to: '2026-12-31' },
      { from: '2026-01-01', to: '9999-12-31' },
      { from: '2026-12-31', to: '2026-01-01' },
    ]) {
      const res = await w.staff.http.post('/reports/free-use-evaluation', period);
      expect([period, res.status, res.body.code]).toEqual([period, 400, 'VALIDATION_FAILED']);
    }
    expect(await rows('evaluation_reports')).toBe(before);
  });

  describe('the booking horizon', () => {
    it('refuses a request beyond BOOKING_HORIZON_MONTHS, a series reaching past it too, writing and mailing nothing', async () => {
      const requests = await rows('booking_requests');
      const mails = await rows('outbox_messages');
      const tooFar = osloToday(osloPlusMonths(new Date(), 25));
      const single = await w.applicant.http.post(
        '/booking-requests',
        requestBody(w, { startsAt: `${tooFar}T18:00`, endsAt: `${tooFar}T19:00` }),
      );
      expect([single.status, single.body.code]).toEqual([400, 'BEYOND_BOOKING_HORIZON']);
      expect(single.body.details).toMatchObject({ horizonMonths: 24, occurrencesBeyond: 1 });

      const nearEdge = osloToday(osloPlusMonths(new Date(), 23));
      const series = await w.applicant.http.post(
        '/booking-requests',
        requestBody(w, {
          startsAt: `${nearEdge}T18:00`,
          endsAt: `${nearEdge}T19:00`,
          recurrence: { rrule: 'FREQ=WEEKLY;COUNT=10' },
        }),
      );
      expect([series.status, series.body.code]).toEqual([400, 'BEYOND_BOOKING_HORIZON']);
      expect(series.body.details.occurrencesBeyond).toBeGreaterThan(0);
      expect(await rows('booking_requests')).toBe(requests);
      expect(await rows('outbox_messages')).toBe(mails);

      const inside = await w.applicant.http.post(
        '/booking-requests',
        requestBody(w, { startsAt: `${nearEdge}T18:00`, endsAt: `${nearEdge}T19:00` }),
      );
      expect(inside.status).toBe(201);
    });

    it('refuses moving an occurrence beyond the horizon', async () => {
      const request = (await w.applicant.http.post('/booking-requests', requestBody(w))).body;
      const tooFar = osloToday(osloPlusMonths(new Date(), 30));
      const res = await w.staff.http.post(`/occurrences/${request.occurrences[0].id}/move`, {
        startsAt: `${tooFar}T18:00`,
        endsAt: `${tooFar}T19:00`,
      });
      expect([res.status, res.body.code]).toEqual([400, 'BEYOND_BOOKING_HORIZON']);
    });
  });
});

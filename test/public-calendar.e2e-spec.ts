import ICAL from 'ical.js';
import { addDays, osloToday } from '../src/common/time';
import { publicHoliday } from '../src/core/venues/holidays';
import { CANCELLED_KEPT_DAYS, PublicCalendarService } from '../src/portal/public-calendar.service';
import { last, SUNDAY } from './support/dates';
import { startApp, TestApp } from './support/test-app';
import { BookingWorld, bookingWorld, requestBody } from './support/world';

describe('the public portal with bookings: free rooms and the ICS calendar', () => {
  let t: TestApp;
  let w: BookingWorld;
  let series: any;
  const autumn = addDays(last(10, SUNDAY), -5); // the Tuesday before the clocks go back

  beforeAll(async () => {
    t = await startApp();
    w = await bookingWorld(t);
    series = (
      await w.applicant.http.post(
        '/booking-requests',
        requestBody(w, {
          roomId: w.courtA.id,
          title: 'Basket U14',
          startsAt: `${autumn}T18:00`,
          endsAt: `${autumn}T19:30`,
          recurrence: { rrule: 'FREQ=WEEKLY;COUNT=2' },
        }),
      )
    ).body;
    await w.staff.http.post(`/booking-requests/${series.id}/approve`, {});
  });
  afterAll(() => t.close());

  it('leaves out rooms an approved occurrence blocks: the booked court and its hall, not the other court', async () => {
    const free = await t.http.get('/public/free-rooms', {
      query: { date: autumn, from: '18:30', to: '19:00' },
    });
    const names = free.body.items.map((r: any) => r.name).sort();
    expect(names).toEqual(['Bane B', 'Gymsal']);
    const later = await t.http.get('/public/free-rooms', {
      query: { date: autumn, from: '19:30', to: '21:00' },
    });
    expect(later.body.items.map((r: any) => r.name).sort()).toEqual(['Bane A', 'Bane B', 'Gymsal', 'Hall']);
  });

  it('serves approved occurrences as ICS that ical.js reads at the right local times, across the clock change', async () => {
    const res = await t.http.get('/public/calendar.ics', { query: { roomId: w.courtA.id } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(res.text));
    const zone = calendar.getFirstSubcomponent('vtimezone');
    expect(zone?.getFirstPropertyValue('tzid')).toBe('Europe/Oslo');
    ICAL.TimezoneService.register(zone!);
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(2);
    expect(events.map((e) => e.startDate.toString())).toEqual([
      `${autumn}T18:00:00`,
      `${addDays(autumn, 7)}T18:00:00`,
    ]);
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      new Date(`${autumn}T16:00:00Z`).toISOString(),
      new Date(`${addDays(autumn, 7)}T17:00:00Z`).toISOString(),
    ]);
    expect(events[0].summary).toBe('Basket U14');
    expect(events[0].location).toContain('Bane A');
    expect(events[0].description).toContain('Testklubben');
    expect(events.map((e) => e.uid)).toEqual(series.occurrences.map((o: any) => `${o.id}@frirom`));
    // stable UIDs: the same feed again gives the same UIDs
    const again = new ICAL.Component(
      ICAL.parse((await t.http.get('/public/calendar.ics', { query: { roomId: w.courtA.id } })).text),
    );
    expect(again.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'))).toEqual(
      events.map((e) => e.uid),
    );
  });

  it('filters by building and organisation, shows only approved occurrences, and no people', async () => {
    await w.applicant.http.post('/booking-requests', requestBody(w, { title: 'Ikke godkjent ennå' }));
    const byOrg = await t.http.get('/public/calendar.ics', { query: { organisationId: w.org.id } });
    expect(byOrg.text).toContain('Basket U14');
    expect(byOrg.text).not.toContain('Ikke godkjent');
    const byBuilding = await t.http.get('/public/calendar.ics', { query: { buildingId: w.building.id } });
    expect(new ICAL.Component(ICAL.parse(byBuilding.text)).getAllSubcomponents('vevent')).toHaveLength(2);
    expect(byBuilding.text).not.toContain(w.applicant.user.email);
    expect(byBuilding.text).not.toContain(w.applicant.user.name);
  });

  it('wants exactly one of roomId, buildingId, organisationId', async () => {
    expect((await t.http.get('/public/calendar.ics')).status).toBe(400);
    const two = await t.http.get('/public/calendar.ics', {
      query: { roomId: w.gym.id, buildingId: w.building.id },
    });
    expect([two.status, two.body.code]).toEqual([400, 'INVALID_QUERY']);
  });

  const feed = (query: Record<string, string>) => t.http.get('/public/calendar.ics', { query });
  const parsed = (text: string) => new ICAL.Component(ICAL.parse(text));

  it('answers 404 for an unknown or unpublished room, building or organisation, never cached as public', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const query of <Record<string, string>[]>[
      { roomId: unknown },
      { buildingId: unknown },
      { organisationId: unknown },
      { organisationId: w.unverified.id },
    ]) {
      const res = await feed(query);
      expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
      expect(res.headers.get('cache-control') ?? '').not.toMatch(/public/);
      expect(res.headers.get('content-type')).toMatch(/json/);
    }
    const bad = await feed({});
    expect(bad.status).toBe(400);
    expect(bad.headers.get('cache-control') ?? '').not.toMatch(/public/);
    expect((await feed({ roomId: w.courtA.id })).headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('names each feed after its room, building or organisation', async () => {
    const names = async (query: Record<string, string>) => {
      const c = parsed((await feed(query)).text);
      return [c.getFirstPropertyValue('name'), c.getFirstPropertyValue('x-wr-calname')];
    };
    expect(await names({ roomId: w.courtA.id })).toEqual(['Bane A, Testskolen', 'Bane A, Testskolen']);
    expect(await names({ buildingId: w.building.id })).toEqual(['Testskolen', 'Testskolen']);
    expect(await names({ organisationId: w.org.id })).toEqual(['Testklubben', 'Testklubben']);
  });

  it('keeps a cancelled occurrence as STATUS:CANCELLED until its end and a while after the cancellation', async () => {
    const request = (
      await w.applicant.http.post(
        '/booking-requests',
        requestBody(w, {
          roomId: w.courtB.id,
          title: 'Avlyst trening',
          startsAt: `${autumn}T20:00`,
          endsAt: `${autumn}T21:00`,
        }),
      )
    ).body;
    expect((await w.staff.http.post(`/booking-requests/${request.id}/approve`, {})).status).toBe(200);
    const occurrenceId = request.occurrences[0].id;
    const cancel = await w.applicant.http.post(`/occurrences/${occurrenceId}/cancel`, {
      reason: 'Syk trener',
    });
    expect(cancel.status).toBe(200);

    const events = parsed((await feed({ roomId: w.courtB.id })).text)
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.uid, e.summary, e.component.getFirstPropertyValue('status')])).toEqual([
      [`${occurrenceId}@frirom`, 'Avlyst trening', 'CANCELLED'],
    ]);
    expect(events[0].sequence).toBe(1);
    // the other feeds say the same; the approved ones stay confirmed
    const statuses = parsed((await feed({ buildingId: w.building.id })).text)
      .getAllSubcomponents('vevent')
      .map((v) => v.getFirstPropertyValue('status'));
    expect(statuses.sort()).toEqual(['CANCELLED', 'CONFIRMED', 'CONFIRMED']);

    // after its end it is gone (asked of the service with a later clock): it ends after the days kept
    const calendars = t.app.get(PublicCalendarService);
    const count = async (roomId: string, day: string, now: Date) =>
      parsed(await calendars.calendar({ roomId, from: day, to: day }, now)).getAllSubcomponents('vevent')
        .length;
    const ends = new Date(request.occurrences[0].endsAt).getTime();
    expect(ends).toBeGreaterThan(Date.now() + CANCELLED_KEPT_DAYS * DAY);
    expect(await count(w.courtB.id, autumn, new Date(ends - 60_000))).toBe(1);
    expect(await count(w.courtB.id, autumn, new Date(ends + 60_000))).toBe(0);

    // one that ends soon stays for the days kept after the cancellation
    let soon = addDays(osloToday(), 3);
    while (publicHoliday(soon)) soon = addDays(soon, 1); // the test building closes on holidays
    const near = await approvedCancelled(w.gym.id, soon);
    const cancelledAt = Date.now();
    expect(await count(w.gym.id, soon, new Date(new Date(near.endsAt).getTime() + DAY))).toBe(1);
    expect(await count(w.gym.id, soon, new Date(cancelledAt + (CANCELLED_KEPT_DAYS - 1) * DAY))).toBe(1);
    expect(await count(w.gym.id, soon, new Date(cancelledAt + CANCELLED_KEPT_DAYS * DAY + 60_000))).toBe(0);
  });

  const DAY = 86_400_000;
  async function approvedCancelled(roomId: string, day: string) {
    const made = await w.applicant.http.post(
      '/booking-requests',
      requestBody(w, { roomId, title: 'Snart avlyst', startsAt: `${day}T20:00`, endsAt: `${day}T21:00` }),
    );
    expect(made.status).toBe(201);
    expect((await w.staff.http.post(`/booking-requests/${made.body.id}/approve`, {})).status).toBe(200);
    const occurrence = made.body.occurrences[0];
    expect(
      (await w.staff.http.post(`/occurrences/${occurrence.id}/cancel`, { reason: 'Stengt' })).status,
    ).toBe(200);
    return occurrence;
  }
});

import ICAL from 'ical.js';
import { addDays } from '../src/common/time';
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
});

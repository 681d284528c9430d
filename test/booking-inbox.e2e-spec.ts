import { addDays } from '../src/common/time';
import { startApp, TestApp } from './support/test-app';
import { BookingWorld, bookingWorld, FIRST_TUESDAY_OF_SEPTEMBER as TUE, requestBody } from './support/world';

describe("staff's inbox and decisions on a current view", () => {
  let t: TestApp;
  let w: BookingWorld;
  beforeAll(async () => {
    t = await startApp();
    w = await bookingWorld(t);
  });
  afterAll(() => t.close());

  let day = 0;
  const nextDay = (): string => addDays(TUE, 7 * ++day);
  const ask = async (date: string, from: string, to: string, roomId: string, extra = {}) => {
    const res = await w.applicant.http.post(
      '/booking-requests',
      requestBody(w, { startsAt: `${date}T${from}`, endsAt: `${date}T${to}`, roomId, ...extra }),
    );
    expect(res.status).toBe(201);
    return res.body;
  };
  const inbox = (query: Record<string, string | boolean> = {}) =>
    w.staff.http.get('/booking-requests', {
      query: { pending: true, sort: 'firstDate', buildingId: w.building.id, ...query },
    });

  it('lists pending requests by first date, marks conflicts, filters by building and counts per state', async () => {
    const early = nextDay();
    const late = nextDay();
    const lone = await ask(late, '18:00', '19:00', w.gym.id);
    const court = await ask(early, '18:00', '20:00', w.courtA.id);
    const hall = await ask(early, '19:00', '21:00', w.hall.id);
    expect(court.version).toBe(1);

    const res = await inbox();
    expect(res.status).toBe(200);
    const ids = res.body.items.map((r: any) => r.id);
    expect(ids.indexOf(court.id)).toBeLessThan(ids.indexOf(lone.id));
    expect(ids.indexOf(hall.id)).toBeLessThan(ids.indexOf(lone.id));
    const byId = new Map(res.body.items.map((r: any) => [r.id, r]));
    expect(byId.get(court.id)).toMatchObject({
      hasConflict: true,
      roomName: 'Bane A',
      buildingName: 'Testskolen',
      buildingId: w.building.id,
      pendingCount: 1,
      firstStartsAt: court.occurrences[0].startsAt,
      version: 1,
    });
    expect(byId.get(hall.id)).toMatchObject({ hasConflict: true });
    expect(byId.get(lone.id)).toMatchObject({ hasConflict: false });
    expect(res.body.counts.submitted).toBe(res.body.total);

    // Once the court is approved, the hall meets a booking (still marked); the court leaves the inbox.
    expect((await w.staff.http.post(`/booking-requests/${court.id}/approve`, {})).status).toBe(200);
    const after = await inbox();
    expect(after.body.items.map((r: any) => r.id)).not.toContain(court.id);
    expect(after.body.items.find((r: any) => r.id === hall.id).hasConflict).toBe(true);
    expect(after.body.counts.approved).toBe(1);
    expect(after.body.counts.submitted).toBe(res.body.counts.submitted - 1);

    // Another building's inbox does not hold them; an applicant sees only their own; bad filters are 400.
    const other = (await w.staff.http.post('/buildings', { name: 'Andreskolen', kind: 'school' })).body;
    expect((await inbox({ buildingId: other.id })).body).toMatchObject({ items: [], total: 0 });
    expect((await w.stranger.http.get('/booking-requests', { query: { pending: true } })).body.total).toBe(0);
    expect((await inbox({ sort: 'name' })).status).toBe(400);
    expect((await inbox({ pending: 'maybe' })).status).toBe(400);
  });

  it('refuses a decision made on a view that is no longer current, with what changed', async () => {
    const d = nextDay();
    const r = await ask(d, '17:00', '18:00', w.gym.id, {
      recurrence: { rrule: 'FREQ=WEEKLY;COUNT=2' },
    });
    const [first, second] = r.occurrences.map((o: any) => o.id);
    const seen = (await w.staff.http.get(`/booking-requests/${r.id}`)).body.version;
    expect(seen).toBe(1);

    // One staff member rejects the first date on the view they opened ...
    const rejected = await w.staff.http.post(`/booking-requests/${r.id}/reject`, {
      occurrenceIds: [first],
      reason: 'Salen er tatt',
      expectedVersion: seen,
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.version).toBe(2);

    // ... a colleague on the same (now old) view approves the second: refused, nothing changed.
    const colleague = await t.createUser(['staff']);
    const stale = await colleague.http.post(`/booking-requests/${r.id}/approve`, {
      occurrenceIds: [second],
      expectedVersion: seen,
    });
    expect([stale.status, stale.body.code]).toEqual([409, 'STALE_VIEW']);
    expect(stale.body.details).toMatchObject({
      expectedVersion: 1,
      currentVersion: 2,
      changes: [{ action: 'rejected', occurrenceIds: [first], reason: 'Salen er tatt' }],
    });
    expect(stale.body.details.changes[0].actorName).toEqual(expect.any(String));
    const now = (await w.staff.http.get(`/booking-requests/${r.id}`)).body;
    expect(now.occurrences.find((o: any) => o.id === second).status).toBe('pending');

    // Reject, move and re-price check the same way; on the current view they go through.
    const move = { startsAt: `${d}T20:00`, endsAt: `${d}T21:00`, expectedVersion: seen };
    expect((await colleague.http.post(`/occurrences/${second}/move`, move)).body.code).toBe('STALE_VIEW');
    expect(
      (
        await colleague.http.post(`/booking-requests/${r.id}/reprice`, {
          reason: 'Ny pris',
          expectedVersion: seen,
        })
      ).body.code,
    ).toBe('STALE_VIEW');
    expect(
      (await colleague.http.post(`/booking-requests/${r.id}/reject`, { reason: 'x', expectedVersion: 0 }))
        .status,
    ).toBe(409);
    const moved = await colleague.http.post(`/occurrences/${second}/move`, { ...move, expectedVersion: 2 });
    expect(moved.status).toBe(200);
    const approved = await colleague.http.post(`/booking-requests/${r.id}/approve`, {
      occurrenceIds: [second],
      expectedVersion: 3,
    });
    expect([approved.status, approved.body.version]).toEqual([200, 4]);
    // The history holds one entry per version.
    expect((await w.staff.http.get(`/booking-requests/${r.id}/history`)).body.total).toBe(4);
    // A version that is no number is the client's mistake.
    const bad = await colleague.http.post(`/booking-requests/${r.id}/reprice`, {
      reason: 'x',
      expectedVersion: 'v1',
    });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});

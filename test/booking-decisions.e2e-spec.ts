import { addDays } from '../src/common/time';
import { startApp, TestApp } from './support/test-app';
import { BookingWorld, bookingWorld, FIRST_TUESDAY_OF_SEPTEMBER as TUE, requestBody } from './support/world';

describe('conflicts and decisions', () => {
  let t: TestApp;
  let w: BookingWorld;
  beforeAll(async () => {
    t = await startApp();
    w = await bookingWorld(t);
  });
  afterAll(() => t.close());

  /** A request on a date of its own, so tests do not meet each other unless they mean to. */
  let day = 0;
  const nextDay = (): string => addDays(TUE, 7 * ++day);
  const ask = async (overrides: Record<string, unknown>) => {
    const res = await w.applicant.http.post('/booking-requests', requestBody(w, overrides));
    expect(res.status).toBe(201);
    return res.body;
  };
  const at = (date: string, from: string, to: string, roomId: string, extra: Record<string, unknown> = {}) =>
    ask({ startsAt: `${date}T${from}`, endsAt: `${date}T${to}`, roomId, ...extra });
  const approve = (id: string, body: Record<string, unknown> = {}) =>
    w.staff.http.post(`/booking-requests/${id}/approve`, body);
  const kinds = (r: any) => r.occurrences[0].conflicts.map((c: any) => c.kind).sort();

  it('finds a booking conflict with an approved occurrence in the same room', async () => {
    const d = nextDay();
    const first = await at(d, '18:00', '20:00', w.gym.id);
    expect((await approve(first.id)).body.status).toBe('approved');
    const second = await at(d, '19:00', '21:00', w.gym.id);
    expect(second.occurrences[0].conflicts).toEqual([
      { kind: 'booking', occurrenceId: first.occurrences[0].id, requestId: first.id },
    ]);
    const res = await approve(second.id);
    expect([res.status, res.body.code]).toEqual([409, 'BOOKING_CONFLICT']);
    expect(res.body.details[0].conflicts[0]).toMatchObject({
      kind: 'booking',
      occurrenceId: first.occurrences[0].id,
    });
    // back to back is fine
    expect(kinds(await at(d, '17:00', '18:00', w.gym.id))).toEqual([]);
  });

  it('makes a hall and its courts clash both ways, and two courts not', async () => {
    const d = nextDay();
    const court = await at(d, '10:00', '12:00', w.courtA.id);
    await approve(court.id);
    expect(kinds(await at(d, '11:00', '13:00', w.courtB.id))).toEqual([]);
    // the hall meets the approved court A, and competes with the pending court B
    expect(kinds(await at(d, '11:00', '13:00', w.hall.id))).toEqual(['booking', 'request']);

    const d2 = nextDay();
    const hall = await at(d2, '10:00', '12:00', w.hall.id);
    await approve(hall.id);
    expect(kinds(await at(d2, '11:00', '13:00', w.courtA.id))).toEqual(['booking']);
    expect(kinds(await at(d2, '11:00', '13:00', w.courtB.id))).toEqual(['booking']);
  });

  it('shows competing pending requests to each other as request conflicts', async () => {
    const d = nextDay();
    const a = await at(d, '18:00', '19:00', w.gym.id);
    const b = await at(d, '18:30', '19:30', w.gym.id);
    expect(b.occurrences[0].conflicts).toEqual([
      { kind: 'request', occurrenceId: a.occurrences[0].id, requestId: a.id },
    ]);
    const groups = await w.staff.http.get('/conflicts', { query: { from: `${d}T00:00`, to: `${d}T23:59` } });
    expect(groups.status).toBe(200);
    expect(groups.body.items).toHaveLength(1);
    expect(groups.body.items[0].occurrences.map((o: any) => o.requestId).sort()).toEqual([a.id, b.id].sort());
    expect((await w.applicant.http.get('/conflicts')).status).toBe(403);
    // a request conflict does not block approval; once approved, the other is blocked
    expect((await approve(a.id)).status).toBe(200);
    expect((await approve(b.id)).status).toBe(409);
  });

  it('shows conflicts as they are now in request views and GET /conflicts, not as when made', async () => {
    const d = nextDay();
    const a = await at(d, '18:00', '19:00', w.gym.id);
    const b = await at(d, '18:30', '19:30', w.gym.id);
    const c = await at(d, '18:45', '19:15', w.gym.id);
    expect(kinds(a)).toEqual([]);
    // a was made first, but now meets the requests made after it
    const view = async (id: string) => (await w.staff.http.get(`/booking-requests/${id}`)).body;
    expect(kinds(await view(a.id))).toEqual(['request', 'request']);

    expect((await approve(a.id)).status).toBe(200);
    const nowB = await view(b.id);
    expect(nowB.occurrences[0].conflicts).toEqual([
      { kind: 'booking', occurrenceId: a.occurrences[0].id, requestId: a.id },
      { kind: 'request', occurrenceId: c.occurrences[0].id, requestId: c.id },
    ]);
    expect((await w.applicant.http.get(`/booking-requests/${b.id}`)).body.occurrences[0].conflicts).toEqual(
      nowB.occurrences[0].conflicts,
    );
    // the approved one competes no more
    expect((await view(a.id)).occurrences[0].conflicts).toEqual([]);
    // GET /conflicts says the same: b and c compete, and each meets a's booking
    const groups = await w.staff.http.get('/conflicts', { query: { from: `${d}T00:00`, to: `${d}T23:59` } });
    expect(groups.body.items).toHaveLength(1);
    expect(groups.body.items[0].occurrences.map((o: any) => o.requestId).sort()).toEqual([b.id, c.id].sort());
    expect(groups.body.items[0].blockedBy).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'booking',
          occurrenceId: a.occurrences[0].id,
          occurrenceIds: [b.occurrences[0].id],
        }),
        expect.objectContaining({
          kind: 'booking',
          occurrenceId: a.occurrences[0].id,
          occurrenceIds: [c.occurrences[0].id],
        }),
      ]),
    );

    // c withdrawn: b no longer competes with it
    expect((await w.applicant.http.post(`/booking-requests/${c.id}/withdraw`, {})).status).toBe(200);
    expect(kinds(await view(b.id))).toEqual(['booking']);
  });

  it('after the hall is approved, the court competing with it shows a booking in its view, its list and GET /conflicts alike', async () => {
    const d = nextDay();
    const court = await at(d, '18:00', '20:00', w.courtA.id);
    const hall = await at(d, '19:00', '21:00', w.hall.id);
    const view = async (id: string) => (await w.staff.http.get(`/booking-requests/${id}`)).body;
    expect((await view(court.id)).occurrences[0].conflicts).toEqual([
      { kind: 'request', occurrenceId: hall.occurrences[0].id, requestId: hall.id },
    ]);

    expect((await approve(hall.id)).status).toBe(200);
    const booked = [{ kind: 'booking', occurrenceId: hall.occurrences[0].id, requestId: hall.id }];
    expect((await view(court.id)).occurrences[0].conflicts).toEqual(booked);
    const listed = await w.applicant.http.get('/booking-requests', { query: { limit: 100 } });
    expect(listed.body.items.find((r: any) => r.id === court.id).hasConflict).toBe(true);
    const groups = await w.staff.http.get('/conflicts', { query: { from: `${d}T00:00`, to: `${d}T23:59` } });
    const group = groups.body.items.find((g: any) =>
      g.occurrences.some((o: any) => o.requestId === court.id),
    );
    expect(group.occurrences.map((o: any) => o.id)).toEqual([court.occurrences[0].id]);
    expect(group.blockedBy).toEqual([
      {
        kind: 'booking',
        occurrenceId: hall.occurrences[0].id,
        occurrenceIds: [court.occurrences[0].id],
        startsAt: hall.occurrences[0].startsAt,
        endsAt: hall.occurrences[0].endsAt,
        roomId: w.hall.id,
        roomName: expect.any(String),
        organisationName: expect.any(String),
      },
    ]);
    // The group's timeline: the court, the hall it is part of, and the hall's other court.
    expect(group.rooms).toEqual(
      expect.arrayContaining([
        { id: w.hall.id, name: 'Hall', parentRoomId: null },
        { id: w.courtA.id, name: 'Bane A', parentRoomId: w.hall.id },
        { id: w.courtB.id, name: 'Bane B', parentRoomId: w.hall.id },
      ]),
    );
    expect(group.rooms).toHaveLength(3);
    // The same answer, whichever way it is asked.
    expect(
      group.blockedBy.map((b: any) => ({ kind: b.kind, occurrenceId: b.occurrenceId, requestId: hall.id })),
    ).toEqual((await view(court.id)).occurrences[0].conflicts);
    const approveCourt = await approve(court.id);
    expect([approveCourt.status, approveCourt.body.code]).toEqual([409, 'BOOKING_CONFLICT']);
  });

  it('finds closure, holiday and opening-hours conflicts, which block approval', async () => {
    const d = nextDay();
    await w.staff.http.post('/closures', {
      roomId: w.gym.id,
      startsAt: `${d}T00:00`,
      endsAt: `${d}T23:59`,
      reason: 'Eksamen',
    });
    const closed = await at(d, '18:00', '19:00', w.gym.id);
    expect(closed.occurrences[0].conflicts).toEqual([
      expect.objectContaining({ kind: 'closure', reason: 'Eksamen', closureId: expect.any(String) }),
    ]);
    const early = await at(nextDay(), '15:00', '16:00', w.gym.id);
    expect(kinds(early)).toEqual(['outside_opening_hours']);
    const y = TUE.slice(0, 4);
    const holiday = await at(`${Number(y) + 1}-05-17`, '10:00', '11:00', w.hall.id);
    expect(kinds(holiday)).toEqual(['holiday']);
    for (const r of [closed, early, holiday]) {
      const res = await approve(r.id);
      expect([res.status, res.body.code]).toEqual([409, 'BOOKING_CONFLICT']);
    }
  });

  it('approves by default all pending occurrences without a blocking conflict, and is all or none when given ids', async () => {
    const d = nextDay();
    const blocker = await at(addDays(d, 7), '18:00', '19:00', w.gym.id);
    await approve(blocker.id);
    const series = await ask({
      startsAt: `${d}T18:00`,
      endsAt: `${d}T19:00`,
      recurrence: { rrule: 'FREQ=WEEKLY;COUNT=3' },
    });
    const [o1, o2, o3] = series.occurrences.map((o: any) => o.id);
    expect(series.occurrences[1].conflicts.map((c: any) => c.kind)).toEqual(['booking']);

    const explicit = await approve(series.id, { occurrenceIds: [o1, o2] });
    expect(explicit.status).toBe(409);
    expect(explicit.body.details.map((x: any) => x.occurrenceId)).toEqual([o2]);
    const untouched = await w.staff.http.get(`/booking-requests/${series.id}`);
    expect(untouched.body.occurrences.map((o: any) => o.status)).toEqual(['pending', 'pending', 'pending']);

    const byDefault = await approve(series.id, { note: 'OK for de ledige datoene' });
    expect(byDefault.status).toBe(200);
    expect(byDefault.body.occurrences.map((o: any) => o.status)).toEqual(['approved', 'pending', 'approved']);
    expect(byDefault.body.status).toBe('in_review');
    const rejected = await w.staff.http.post(`/booking-requests/${series.id}/reject`, {
      occurrenceIds: [o2],
      reason: 'Salen er opptatt',
    });
    expect(rejected.body.status).toBe('partially_approved');
    expect(rejected.body.occurrences[1]).toMatchObject({
      status: 'rejected',
      decisionNote: 'Salen er opptatt',
    });
    expect(o3).toBeDefined();
  });

  it('answers a decision with the request exactly as a fresh GET of it shows it', async () => {
    // four weeks of its own (the test before booked into the two weeks after its own)
    nextDay();
    nextDay();
    const d = nextDay();
    for (let i = 0; i < 4; i++) nextDay();
    const get = async (id: string) => (await w.staff.http.get(`/booking-requests/${id}`)).body;
    const blocker = await at(addDays(d, 7), '18:00', '19:00', w.gym.id);
    expect((await approve(blocker.id)).status).toBe(200);
    const rival = await at(addDays(d, 14), '18:30', '19:30', w.gym.id);
    const series = await ask({
      startsAt: `${d}T18:00`,
      endsAt: `${d}T19:00`,
      recurrence: { rrule: 'FREQ=WEEKLY;COUNT=4' },
    });
    const [o1, o2, o3, o4] = series.occurrences.map((o: any) => o.id);
    // o2 meets the booking, o3 competes with the rival request, o1 and o4 are free
    expect(series.occurrences.map((o: any) => o.conflicts.map((c: any) => c.kind))).toEqual([
      [],
      ['booking'],
      ['request'],
      [],
    ]);
    // made after the series: o4's stored conflicts do not have it, its conflicts now do
    await at(addDays(d, 21), '18:30', '19:30', w.gym.id);

    // one date named: the others stay pending, with their conflicts as they stand after the write
    const one = await approve(series.id, { occurrenceIds: [o1], note: 'Første gang', expectedVersion: 1 });
    expect(one.status).toBe(200);
    expect(one.body).toEqual(await get(series.id));
    expect(one.body).toMatchObject({ status: 'in_review', version: 2, pendingCount: 3 });

    // by default: o3 and o4 (a competing request does not block), o2 stays pending with its booking
    const rest = await approve(series.id, { expectedVersion: 2 });
    expect(rest.status).toBe(200);
    expect(rest.body).toEqual(await get(series.id));
    expect(rest.body.occurrences.map((o: any) => [o.id, o.status, o.decisionNote])).toEqual([
      [o1, 'approved', 'Første gang'],
      [o2, 'pending', null],
      [o3, 'approved', null],
      [o4, 'approved', null],
    ]);
    expect(rest.body.occurrences[1].conflicts).toEqual([
      { kind: 'booking', occurrenceId: blocker.occurrences[0].id, requestId: blocker.id },
    ]);
    // the rival now meets o3's booking, in its own view as in GET /conflicts
    expect(kinds(await get(rival.id))).toEqual(['booking']);

    const rejected = await w.staff.http.post(`/booking-requests/${series.id}/reject`, {
      occurrenceIds: [o2],
      reason: 'Salen er opptatt',
      expectedVersion: 3,
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toEqual(await get(series.id));
    expect(rejected.body).toMatchObject({ status: 'partially_approved', version: 4, pendingCount: 0 });

    const withdrawn = await w.applicant.http.post(`/booking-requests/${rival.id}/withdraw`, {
      reason: 'Flyttet',
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toEqual((await w.applicant.http.get(`/booking-requests/${rival.id}`)).body);
    expect(withdrawn.body.status).toBe('withdrawn');
  });

  it('lets only staff approve and reject, and needs a reason to reject', async () => {
    const r = await at(nextDay(), '18:00', '19:00', w.gym.id);
    expect((await w.applicant.http.post(`/booking-requests/${r.id}/approve`, {})).status).toBe(403);
    expect((await w.staff.http.post(`/booking-requests/${r.id}/reject`, {})).status).toBe(400);
    const done = await w.staff.http.post(`/booking-requests/${r.id}/reject`, { reason: 'Ikke aktuelt' });
    expect(done.body.status).toBe('rejected');
    expect((await w.staff.http.post(`/booking-requests/${r.id}/reject`, { reason: 'igjen' })).body.code).toBe(
      'INVALID_STATE',
    );
  });

  it('lets the applicant withdraw while pending, not after', async () => {
    const r = await at(nextDay(), '18:00', '19:00', w.gym.id);
    const res = await w.applicant.http.post(`/booking-requests/${r.id}/withdraw`, {});
    expect(res.body.status).toBe('withdrawn');
    expect((await w.applicant.http.post(`/booking-requests/${r.id}/withdraw`, {})).body.code).toBe(
      'INVALID_STATE',
    );
  });

  it('cancels an approved occurrence, freeing the slot, and marks a late cancellation', async () => {
    const d = nextDay();
    const r = await at(d, '18:00', '19:00', w.gym.id);
    await approve(r.id);
    const occurrence = r.occurrences[0].id;
    expect((await w.applicant.http.post(`/occurrences/${occurrence}/cancel`, {})).status).toBe(400);
    const cancelled = await w.applicant.http.post(`/occurrences/${occurrence}/cancel`, { reason: 'Avlyst' });
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelledLate: false,
      decisionNote: 'Avlyst',
    });
    expect((await w.staff.http.get(`/booking-requests/${r.id}`)).body.status).toBe('cancelled');
    // the slot is free again
    const again = await at(d, '18:00', '19:00', w.gym.id);
    expect(kinds(again)).toEqual([]);
    expect((await approve(again.id)).status).toBe(200);

    // late: starts within LATE_CANCELLATION_DAYS
    await t.dataSource.query(
      `UPDATE booking_occurrences SET starts_at = now() + interval '2 days', ends_at = now() + interval '2 days 1 hour'
        WHERE id = $1`,
      [again.occurrences[0].id],
    );
    const late = await w.staff.http.post(`/occurrences/${again.occurrences[0].id}/cancel`, {
      reason: 'Stengt',
    });
    expect(late.body.cancelledLate).toBe(true);
    expect(
      (await w.stranger.http.post(`/occurrences/${again.occurrences[0].id}/cancel`, { reason: 'x' })).status,
    ).toBe(404);
  });

  it('moves an occurrence, re-checked as new: an approved one only to a free time', async () => {
    const d = nextDay();
    const taken = await at(d, '18:00', '19:00', w.gym.id);
    await approve(taken.id);
    const r = await at(d, '20:00', '21:00', w.gym.id);
    await approve(r.id);
    const id = r.occurrences[0].id;
    const blocked = await w.staff.http.post(`/occurrences/${id}/move`, {
      startsAt: `${d}T18:30`,
      endsAt: `${d}T19:30`,
    });
    expect([blocked.status, blocked.body.code]).toEqual([409, 'BOOKING_CONFLICT']);
    const moved = await w.staff.http.post(`/occurrences/${id}/move`, {
      startsAt: `${d}T10:00`,
      endsAt: `${d}T11:00`,
      roomId: w.courtA.id,
      reason: 'Flyttet til hallen',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ roomId: w.courtA.id, status: 'approved' });
    expect(moved.body.startsAt).toMatch(new RegExp(`^${d}T10:00:00\\+0[12]:00$`));
    const claims = await t.dataSource.query(
      'SELECT leaf_room_id FROM booking_claims WHERE occurrence_id = $1',
      [id],
    );
    expect(claims).toEqual([{ leaf_room_id: w.courtA.id }]);
    expect(
      (
        await w.applicant.http.post(`/occurrences/${id}/move`, {
          startsAt: `${d}T10:00`,
          endsAt: `${d}T11:00`,
        })
      ).status,
    ).toBe(403);
    const pendingOutside = await at(nextDay(), '18:00', '19:00', w.gym.id);
    const outside = await w.staff.http.post(`/occurrences/${pendingOutside.occurrences[0].id}/move`, {
      startsAt: `${d}T23:00`,
      endsAt: `${d}T23:30`,
    });
    expect(outside.body.conflicts.map((c: any) => c.kind)).toEqual(['outside_opening_hours']);
  });

  it('keeps an audit log of every transition with actor, time and reason', async () => {
    const r = await at(nextDay(), '18:00', '19:00', w.gym.id);
    await approve(r.id, { note: 'Greit' });
    await w.applicant.http.post(`/occurrences/${r.occurrences[0].id}/cancel`, { reason: 'Syk trener' });
    const history = await w.applicant.http.get(`/booking-requests/${r.id}/history`);
    expect(history.body.items.map((e: any) => [e.action, e.actorId, e.reason])).toEqual([
      ['created', w.applicant.user.id, null],
      ['approved', w.staff.user.id, 'Greit'],
      ['cancelled', w.applicant.user.id, 'Syk trener'],
    ]);
    expect(history.body.items[1].at).toMatch(/[+-]\d{2}:\d{2}$/);
    expect((await w.stranger.http.get(`/booking-requests/${r.id}/history`)).status).toBe(404);
  });
});

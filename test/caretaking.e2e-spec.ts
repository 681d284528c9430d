import { addDays } from '../src/common/time';
import { startApp, TestApp, TestUser } from './support/test-app';
import { BookingWorld, bookingWorld, FIRST_TUESDAY_OF_SEPTEMBER as TUE, requestBody } from './support/world';

describe("the caretaker's part", () => {
  let t: TestApp;
  let w: BookingWorld;
  let caretaker: TestUser;
  let otherCaretaker: TestUser;
  let request: any;

  beforeAll(async () => {
    t = await startApp();
    w = await bookingWorld(t);
    await t.dataSource.query(`UPDATE users SET phone = '+4799887766' WHERE id = $1`, [w.applicant.user.id]);
    caretaker = await t.createUser(['caretaker']);
    otherCaretaker = await t.createUser(['caretaker']);
    const admin = await t.as('admin');
    await admin.http.patch(`/users/${caretaker.user.id}`, { buildingIds: [w.building.id] });
    request = (
      await w.applicant.http.post(
        '/booking-requests',
        requestBody(w, { title: 'Vaktmester-test', recurrence: { rrule: 'FREQ=WEEKLY;COUNT=2' } }),
      )
    ).body;
    await w.staff.http.post(`/booking-requests/${request.id}/approve`, {});
  });
  afterAll(() => t.close());

  const window = { from: `${TUE}T00:00`, to: `${addDays(TUE, 14)}T00:00` };

  it("lists approved occurrences in the caretaker's buildings with the organisation's contact", async () => {
    const res = await caretaker.http.get('/caretaker/occurrences', { query: window });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items[0]).toMatchObject({
      title: 'Vaktmester-test',
      organisationName: 'Testklubben',
      roomName: 'Gymsal',
      buildingName: 'Testskolen',
      contact: { name: w.applicant.user.name, phone: '+4799887766' },
      access: { status: 'pending' },
    });
    expect((await otherCaretaker.http.get('/caretaker/occurrences', { query: window })).body.total).toBe(0);
    expect((await w.applicant.http.get('/caretaker/occurrences', { query: window })).status).toBe(403);
    const tooLong = await caretaker.http.get('/caretaker/occurrences', {
      query: { from: window.from, to: `${addDays(TUE, 90)}T00:00` },
    });
    expect(tooLong.status).toBe(400);
  });

  it('confirms access with instructions, or declines it; only a caretaker of the building may', async () => {
    const other = await otherCaretaker.http.post(`/booking-requests/${request.id}/access`, { method: 'key' });
    expect([other.status, other.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(
      (await caretaker.http.post(`/booking-requests/${request.id}/access`, { method: 'teleport' })).status,
    ).toBe(400);
    expect(
      (await caretaker.http.post(`/booking-requests/${request.id}/access`, { declined: true })).status,
    ).toBe(400);

    const ok = await caretaker.http.post(`/booking-requests/${request.id}/access`, {
      method: 'door_code',
      instructions: 'Kode 1234 på bakdøren',
      validFrom: TUE,
      validTo: addDays(TUE, 7),
    });
    expect(ok.body).toEqual({ status: 'confirmed' });
    const listed = await caretaker.http.get('/caretaker/occurrences', { query: window });
    expect(listed.body.items[0].access).toMatchObject({
      status: 'confirmed',
      method: 'door_code',
      note: 'Kode 1234 på bakdøren',
    });
    const [confirmed] = await t.dataSource.query(
      `SELECT to_email, data FROM outbox_messages WHERE kind = 'access_confirmed'`,
    );
    expect(confirmed.to_email).toBe(w.applicant.user.email);
    expect(confirmed.data.instructions).toBe('Kode 1234 på bakdøren');

    const declined = await caretaker.http.post(`/booking-requests/${request.id}/access`, {
      declined: true,
      reason: 'Alarmen er i stykker',
    });
    expect(declined.body).toEqual({ status: 'declined' });
    const toStaff = await t.dataSource.query(
      `SELECT to_email FROM outbox_messages WHERE kind = 'access_declined'`,
    );
    expect(toStaff.map((r: any) => r.to_email)).toContain(w.staff.user.email);
    const history = await w.staff.http.get(`/booking-requests/${request.id}/history`);
    expect(history.body.items.map((e: any) => e.action)).toEqual(
      expect.arrayContaining(['access_confirmed', 'access_declined']),
    );
  });

  it('keeps a key log', async () => {
    const handed = await caretaker.http.post(`/booking-requests/${request.id}/keys`, {
      handedTo: 'Kari Trener',
    });
    expect(handed.status).toBe(201);
    expect(handed.body).toMatchObject({ handedTo: 'Kari Trener', returnedAt: null });
    const back = await caretaker.http.post(
      `/booking-requests/${request.id}/keys/${handed.body.id}/return`,
      {},
    );
    expect(back.body).toMatchObject({ returnedAt: expect.any(String) });
    expect(
      (await caretaker.http.post(`/booking-requests/${request.id}/keys/${handed.body.id}/return`, {})).body
        .code,
    ).toBe('INVALID_STATE');
    expect((await caretaker.http.get(`/booking-requests/${request.id}/keys`)).body.total).toBe(1);
    const future = await caretaker.http.post(`/booking-requests/${request.id}/keys`, {
      handedTo: 'Ola',
      handedAt: `${TUE}T17:00`,
    });
    const tooEarly = await caretaker.http.post(
      `/booking-requests/${request.id}/keys/${future.body.id}/return`,
      {},
    );
    expect(tooEarly.body.code).toBe('INVALID_TIME_RANGE');
    expect((await otherCaretaker.http.get(`/booking-requests/${request.id}/keys`)).status).toBe(403);
  });

  it('records attendance once the occurrence has started, and corrections need a reason', async () => {
    const [first, second] = request.occurrences.map((o: any) => o.id);
    const early = await caretaker.http.post(`/occurrences/${second}/attendance`, {
      status: 'used',
      participants: 12,
    });
    expect([early.status, early.body.code]).toEqual([409, 'INVALID_STATE']);

    await t.dataSource.query(
      `UPDATE booking_occurrences SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`,
      [first],
    );
    const recorded = await caretaker.http.post(`/occurrences/${first}/attendance`, {
      status: 'used',
      participants: 14,
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ attendance: 'used', participants: 14 });
    const again = await caretaker.http.post(`/occurrences/${first}/attendance`, { status: 'no_show' });
    expect(again.status).toBe(400);
    const corrected = await w.staff.http.post(`/occurrences/${first}/attendance`, {
      status: 'no_show',
      reason: 'Feil registrert',
    });
    expect(corrected.body.attendance).toBe('no_show');
    expect(
      (await otherCaretaker.http.post(`/occurrences/${first}/attendance`, { status: 'used' })).status,
    ).toBe(403);
    expect((await w.applicant.http.post(`/occurrences/${first}/attendance`, { status: 'used' })).status).toBe(
      403,
    );
    const history = await w.staff.http.get(`/booking-requests/${request.id}/history`);
    const corrections = history.body.items.filter((e: any) => e.action === 'attendance_corrected');
    expect(corrections).toEqual([
      expect.objectContaining({ reason: 'Feil registrert', occurrenceIds: [first] }),
    ]);
  });

  it('shows staff the queue dashboard, and no one else', async () => {
    const board = await w.staff.http.get('/admin/queues');
    expect(board.status).toBe(200);
    expect(board.text).toContain('<html');
    expect((await t.http.get('/admin/queues')).status).toBe(401);
    expect((await caretaker.http.get('/admin/queues')).status).toBe(403);
    const viaLink = await fetch(`${t.baseUrl}/admin/queues?token=${w.staff.token}`, { redirect: 'manual' });
    expect(viaLink.status).toBe(302);
    expect(viaLink.headers.get('set-cookie')).toMatch(/frirom_queues_token=.*HttpOnly/i);
  });
});

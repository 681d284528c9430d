import { startApp, TestApp } from './support/test-app';
import { BookingWorld, bookingWorld, FIRST_TUESDAY_OF_SEPTEMBER as TUE, requestBody } from './support/world';

/** No double booking, ever: PostgreSQL's exclusion constraint decides races, not application code. */
describe('approving clashing requests in parallel', () => {
  let t: TestApp;
  let w: BookingWorld;
  beforeAll(async () => {
    t = await startApp();
    w = await bookingWorld(t);
  });
  afterAll(() => t.close());

  const overlapping = () =>
    t.dataSource.query(
      `SELECT a.id, b.id FROM booking_occurrences a
         JOIN room_leaves la ON la.room_id = a.room_id
         JOIN room_leaves lb ON lb.leaf_id = la.leaf_id
         JOIN booking_occurrences b ON b.room_id = lb.room_id AND b.id > a.id AND b.period && a.period
        WHERE a.status = 'approved' AND b.status = 'approved'`,
    );

  it('approves exactly one of 50 requests for the same slot; 49 answer 409', async () => {
    const requests = [];
    for (let i = 0; i < 50; i++) {
      const res = await w.staff.http.post('/booking-requests', requestBody(w, { title: `Lag ${i}` }));
      expect(res.status).toBe(201);
      requests.push(res.body.id as string);
    }
    const answers = await Promise.all(
      requests.map((id) => w.staff.http.post(`/booking-requests/${id}/approve`, {})),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'BOOKING_CONFLICT')).toBe(
      true,
    );
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM booking_occurrences WHERE status = 'approved'`,
    );
    expect(n).toBe(1);
    expect(await overlapping()).toEqual([]);
  });

  it('lets exactly one of a hall and one of its courts win when approved together', async () => {
    const day = `${TUE.slice(0, 4)}-12-14`;
    const body = (roomId: string) =>
      requestBody(w, { roomId, startsAt: `${day}T10:00`, endsAt: `${day}T12:00` });
    for (let round = 0; round < 5; round++) {
      const hall = (
        await w.staff.http.post('/booking-requests', { ...body(w.hall.id), title: `Hall ${round}` })
      ).body;
      const court = (
        await w.staff.http.post('/booking-requests', { ...body(w.courtA.id), title: `Bane ${round}` })
      ).body;
      const [a, b] = await Promise.all([
        w.staff.http.post(`/booking-requests/${hall.id}/approve`, {}),
        w.staff.http.post(`/booking-requests/${court.id}/approve`, {}),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      expect(await overlapping()).toEqual([]);
      // free the slot for the next round
      const winner = a.status === 200 ? a.body : b.body;
      await t.dataSource.query(`UPDATE booking_occurrences SET status = 'cancelled' WHERE request_id = $1`, [
        winner.id,
      ]);
    }
  });

  it('is the database that refuses: a direct write of a clashing approval fails the exclusion constraint', async () => {
    const [first] = await t.dataSource.query(
      `SELECT id FROM booking_occurrences WHERE status = 'approved' LIMIT 1`,
    );
    const [other] = await t.dataSource.query(
      `SELECT o.id FROM booking_occurrences o JOIN booking_occurrences a ON a.id = $1
        WHERE o.status = 'pending' AND o.room_id = a.room_id AND o.period && a.period LIMIT 1`,
      [first.id],
    );
    await expect(
      t.dataSource.query(`UPDATE booking_occurrences SET status = 'approved' WHERE id = $1`, [other.id]),
    ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23P01' }) });
  });
});

import { startApp, TestApp, TestUser } from './support/test-app';

describe('venues: buildings, rooms and sections, opening hours, closures', () => {
  let t: TestApp;
  let staff: TestUser;
  let school: any;

  beforeAll(async () => {
    t = await startApp();
    staff = await t.as('staff');
    school = (await staff.http.post('/buildings', { name: 'Rustad skole', kind: 'school', address: 'Ås' }))
      .body;
  });
  afterAll(() => t.close());

  const room = async (body: Record<string, unknown>) =>
    staff.http.post('/rooms', { buildingId: school.id, kind: 'gym', capacity: 60, ...body });

  it('lets staff create and edit buildings, and anyone read them', async () => {
    expect(school).toMatchObject({ name: 'Rustad skole', kind: 'school', closedOnPublicHolidays: true });
    const edited = await staff.http.patch(`/buildings/${school.id}`, { address: 'Idrettsveien 3, 1433 Ås' });
    expect(edited.body.address).toBe('Idrettsveien 3, 1433 Ås');
    expect((await t.http.get(`/buildings/${school.id}`)).body.name).toBe('Rustad skole');
    const list = await t.http.get('/buildings', { query: { kind: 'school' } });
    expect(list.body.items.map((b: any) => b.id)).toContain(school.id);
    expect((await t.http.get('/buildings', { query: { kind: 'culture' } })).body.total).toBe(0);
  });

  it('refuses rooms and buildings from anyone but staff', async () => {
    const applicant = await t.as('applicant');
    const res = await applicant.http.post('/rooms', {
      buildingId: school.id,
      name: 'X',
      kind: 'gym',
      capacity: 10,
    });
    expect(res.status).toBe(403);
    expect((await t.http.post('/buildings', { name: 'X', kind: 'school' })).status).toBe(401);
  });

  it('creates rooms with sections to any depth, reads them anonymously with filters', async () => {
    const hall = (await room({ name: 'Hall', kind: 'hall', capacity: 300, areaSqm: 1200, accessible: true }))
      .body;
    const half = (await room({ name: 'Halvdel 1', parentRoomId: hall.id })).body;
    const court = (await room({ name: 'Bane A', parentRoomId: half.id, facilities: ['basketball'] })).body;
    expect(court).toMatchObject({ parentRoomId: half.id, facilities: ['basketball'], accessible: false });
    const read = await t.http.get(`/rooms/${hall.id}`);
    expect(read.body).toMatchObject({ id: hall.id, sectionIds: [half.id], areaSqm: 1200 });

    const big = await t.http.get('/rooms', { query: { buildingId: school.id, minCapacity: 100 } });
    expect(big.body.items.map((r: any) => r.name)).toEqual(['Hall']);
    const accessible = await t.http.get('/rooms', { query: { buildingId: school.id, accessible: 'true' } });
    expect(accessible.body.items.map((r: any) => r.name)).toEqual(['Hall']);
    const halls = await t.http.get('/rooms', { query: { kind: 'hall' } });
    expect(halls.body.total).toBe(1);

    const leaves = await t.dataSource.query(
      'SELECT leaf_id FROM room_leaves WHERE room_id = $1 ORDER BY leaf_id',
      [hall.id],
    );
    expect(leaves).toEqual([{ leaf_id: court.id }]);
  });

  it('refuses a section cycle, a parent in another building, and an unknown parent', async () => {
    const a = (await room({ name: 'Sirkel A' })).body;
    const b = (await room({ name: 'Sirkel B', parentRoomId: a.id })).body;
    const cycle = await staff.http.patch(`/rooms/${a.id}`, { parentRoomId: b.id });
    expect([cycle.status, cycle.body.code]).toEqual([400, 'INVALID_SECTION']);
    const self = await staff.http.patch(`/rooms/${a.id}`, { parentRoomId: a.id });
    expect(self.body.code).toBe('INVALID_SECTION');

    const other = (await staff.http.post('/buildings', { name: 'Ås kulturhus', kind: 'culture' })).body;
    const elsewhere = await staff.http.post('/rooms', {
      buildingId: other.id,
      name: 'Store sal',
      kind: 'auditorium',
      capacity: 400,
      parentRoomId: a.id,
    });
    expect([elsewhere.status, elsewhere.body.code]).toEqual([400, 'INVALID_SECTION']);
    const unknown = await room({ name: 'Ukjent', parentRoomId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.body.code).toBe('INVALID_SECTION');
    expect((await t.http.get('/rooms', { query: { buildingId: other.id } })).body.total).toBe(0);

    const detached = await staff.http.patch(`/rooms/${b.id}`, { parentRoomId: null });
    expect(detached.body.parentRoomId).toBeNull();
  });

  it('refuses a second room with the same name in a building with 409', async () => {
    await room({ name: 'Musikkrom', kind: 'music_room', capacity: 20 });
    const again = await room({ name: 'Musikkrom', kind: 'music_room', capacity: 20 });
    expect([again.status, again.body.code]).toEqual([409, 'CONFLICT']);
  });

  it('keeps opening hours: several windows a day, refusing overlaps and empty windows', async () => {
    const gym = (await room({ name: 'Gymsal' })).body;
    const ok = await staff.http.put(`/rooms/${gym.id}/opening-hours`, {
      hours: [
        { weekday: 1, opens: '17:00', closes: '22:00' },
        { weekday: 6, opens: '09:00', closes: '12:00' },
        { weekday: 6, opens: '13:00', closes: '21:00' },
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.openingHours).toEqual([
      { weekday: 1, opens: '17:00', closes: '22:00' },
      { weekday: 6, opens: '09:00', closes: '12:00' },
      { weekday: 6, opens: '13:00', closes: '21:00' },
    ]);

    const overlap = await staff.http.put(`/rooms/${gym.id}/opening-hours`, {
      hours: [
        { weekday: 2, opens: '17:00', closes: '20:00' },
        { weekday: 2, opens: '19:00', closes: '22:00' },
      ],
    });
    expect([overlap.status, overlap.body.code]).toEqual([400, 'INVALID_OPENING_HOURS']);
    const backwards = await staff.http.put(`/rooms/${gym.id}/opening-hours`, {
      hours: [{ weekday: 3, opens: '22:00', closes: '17:00' }],
    });
    expect(backwards.body.code).toBe('INVALID_OPENING_HOURS');
    const badClock = await staff.http.put(`/rooms/${gym.id}/opening-hours`, {
      hours: [{ weekday: 3, opens: '5pm', closes: '22:00' }],
    });
    expect(badClock.body.code).toBe('VALIDATION_FAILED');
    const badDay = await staff.http.put(`/rooms/${gym.id}/opening-hours`, {
      hours: [{ weekday: 0, opens: '17:00', closes: '22:00' }],
    });
    expect(badDay.status).toBe(400);
    // the refused requests changed nothing
    expect((await t.http.get(`/rooms/${gym.id}`)).body.openingHours).toHaveLength(3);
  });

  it('answers whether a room is open, and why not: hours, closures, holidays', async () => {
    const gym = (await room({ name: 'Gymsal 2' })).body;
    await staff.http.put(`/rooms/${gym.id}/opening-hours`, {
      hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '17:00', closes: '22:00' })),
    });
    const ask = (startsAt: string, endsAt: string) =>
      t.http.get(`/rooms/${gym.id}/availability`, { query: { startsAt, endsAt } });

    expect((await ask('2027-09-07T18:00', '2027-09-07T20:00')).body).toEqual({ open: true, reasons: [] });
    expect((await ask('2027-09-07T16:00', '2027-09-07T18:00')).body.reasons).toEqual([
      { kind: 'outside_opening_hours', date: '2027-09-07' },
    ]);
    const holiday = await ask('2027-05-17T18:00', '2027-05-17T20:00');
    expect(holiday.body.reasons).toContainEqual(
      expect.objectContaining({ kind: 'holiday', date: '2027-05-17' }),
    );

    const closure = await staff.http.post('/closures', {
      roomId: gym.id,
      startsAt: '2027-09-08T00:00',
      endsAt: '2027-09-09T00:00',
      reason: 'Skoleball',
    });
    expect(closure.status).toBe(201);
    expect(closure.body).toMatchObject({
      startsAt: '2027-09-08T00:00:00+02:00',
      endsAt: '2027-09-09T00:00:00+02:00',
    });
    expect((await ask('2027-09-08T18:00', '2027-09-08T20:00')).body.reasons).toEqual([
      { kind: 'closure', closureId: closure.body.id, reason: 'Skoleball' },
    ]);

    const bad = await ask('2027-09-08T20:00', '2027-09-08T18:00');
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const empty = await ask('2027-09-08T18:00', '2027-09-08T18:00');
    expect([empty.status, empty.body.code]).toEqual([400, 'INVALID_TIME_RANGE']);
  });

  it('closes a hall when one of its courts is closed, but not the other court; and a whole building', async () => {
    const hall = (await room({ name: 'Hall 2', kind: 'hall', capacity: 200 })).body;
    const a = (await room({ name: 'Hall 2 A', parentRoomId: hall.id })).body;
    const b = (await room({ name: 'Hall 2 B', parentRoomId: hall.id })).body;
    for (const r of [hall, a, b]) {
      await staff.http.put(`/rooms/${r.id}/opening-hours`, {
        hours: [{ weekday: 2, opens: '17:00', closes: '22:00' }],
      });
    }
    await staff.http.post('/closures', {
      roomId: a.id,
      startsAt: '2027-09-14T00:00',
      endsAt: '2027-09-15T00:00',
      reason: 'Nytt gulv',
    });
    const open = async (id: string) =>
      (
        await t.http.get(`/rooms/${id}/availability`, {
          query: { startsAt: '2027-09-14T18:00', endsAt: '2027-09-14T19:00' },
        })
      ).body.open;
    expect([await open(hall.id), await open(a.id), await open(b.id)]).toEqual([false, false, true]);

    await staff.http.post('/closures', {
      buildingId: school.id,
      startsAt: '2027-09-21T00:00',
      endsAt: '2027-09-22T00:00',
      reason: 'Strømbrudd',
    });
    const res = await t.http.get(`/rooms/${b.id}/availability`, {
      query: { startsAt: '2027-09-21T18:00', endsAt: '2027-09-21T19:00' },
    });
    expect(res.body.reasons[0]).toMatchObject({ kind: 'closure', reason: 'Strømbrudd' });
  });

  it('refuses closures that end before they start, name both or neither target, or an unknown room', async () => {
    const gym = (await room({ name: 'Gymsal 3' })).body;
    const backwards = await staff.http.post('/closures', {
      roomId: gym.id,
      startsAt: '2027-09-10T00:00',
      endsAt: '2027-09-09T00:00',
      reason: 'x',
    });
    expect([backwards.status, backwards.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const both = await staff.http.post('/closures', {
      roomId: gym.id,
      buildingId: school.id,
      startsAt: '2027-09-09T00:00',
      endsAt: '2027-09-10T00:00',
      reason: 'x',
    });
    expect(both.status).toBe(400);
    const neither = await staff.http.post('/closures', {
      startsAt: '2027-09-09T00:00',
      endsAt: '2027-09-10T00:00',
      reason: 'x',
    });
    expect(neither.status).toBe(400);
    const unknown = await staff.http.post('/closures', {
      roomId: '00000000-0000-4000-8000-000000000000',
      startsAt: '2027-09-09T00:00',
      endsAt: '2027-09-10T00:00',
      reason: 'x',
    });
    expect(unknown.status).toBe(404);
    const badDate = await staff.http.post('/closures', {
      roomId: gym.id,
      startsAt: '2027-02-30T00:00',
      endsAt: '2027-03-01T00:00',
      reason: 'x',
    });
    expect(badDate.body.code).toBe('VALIDATION_FAILED');
    const list = await t.http.get('/closures', { query: { roomId: gym.id } });
    expect(list.body.total).toBe(0);
  });

  it('lists and removes closures', async () => {
    const gym = (await room({ name: 'Gymsal 4' })).body;
    const c = (
      await staff.http.post('/closures', {
        roomId: gym.id,
        startsAt: '2027-10-01T00:00',
        endsAt: '2027-10-02T00:00',
        reason: 'Høstferie',
      })
    ).body;
    const listed = await t.http.get('/closures', {
      query: { roomId: gym.id, from: '2027-09-30T00:00', to: '2027-10-05T00:00' },
    });
    expect(listed.body.items.map((x: any) => x.id)).toEqual([c.id]);
    const outside = await t.http.get('/closures', { query: { roomId: gym.id, from: '2027-10-03T00:00' } });
    expect(outside.body.total).toBe(0);
    expect((await staff.http.delete(`/closures/${c.id}`)).status).toBe(204);
    expect((await staff.http.delete(`/closures/${c.id}`)).status).toBe(404);
  });

  it('refuses unknown fields and wrong types', async () => {
    const unknown = await room({ name: 'X', colour: 'blue' });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await room({ name: 'Y', capacity: '60' })).status).toBe(400);
    expect((await room({ name: 'Z', capacity: 0 })).status).toBe(400);
    expect((await room({ name: 'W', kind: 'swimming_pool' })).status).toBe(400);
    expect((await room({ name: 'V', accessible: null })).status).toBe(400);
    expect((await staff.http.post('/buildings', { name: 'B', kind: 'castle' })).status).toBe(400);
  });
});

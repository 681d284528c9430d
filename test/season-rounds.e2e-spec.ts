import { Y } from './support/dates';
import { startApp, TestApp } from './support/test-app';
import { BookingWorld, bookingWorld } from './support/world';

/** The season round without the worker: seasons, policy, applications, deadlines and the hold on rooms. */
describe('season rounds and applications', () => {
  let t: TestApp;
  let w: BookingWorld;
  const instant = (ms: number) => new Date(Date.now() + ms).toISOString();
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;

  const season = async (body: Record<string, unknown>) => {
    const res = await w.staff.http.post('/seasons', {
      name: 'Høst',
      startsOn: `${Y}-10-01`,
      endsOn: `${Y}-10-31`,
      applicationOpensAt: instant(-DAY),
      applicationDeadline: instant(HOUR),
      ...body,
    });
    expect([res.status, res.body.code]).toEqual([201, undefined]);
    return res.body;
  };
  const application = (seasonId: string, overrides: Record<string, unknown> = {}) => ({
    organisationId: w.org.id,
    title: 'Håndball J12',
    ageGroup: 'children',
    expectedParticipants: 20,
    seasonId,
    preferences: [{ roomId: w.gym.id, weekday: 2, startTime: '18:00', endTime: '19:30' }],
    ...overrides,
  });
  const single = (roomId: string, date: string) =>
    w.applicant.http.post('/booking-requests', {
      organisationId: w.org.id,
      roomId,
      title: 'Enkeltbooking',
      ageGroup: 'children',
      expectedParticipants: 10,
      startsAt: `${date}T19:00`,
      endsAt: `${date}T20:00`,
    });
  const kinds = (res: any): string[] => res.body.occurrences[0].conflicts.map((c: any) => c.kind);

  let open: any;

  beforeAll(async () => {
    t = await startApp();
    w = await bookingWorld(t);
    open = await season({ name: `Høst ${Y}`, roomIds: [w.gym.id] });
  });
  afterAll(() => t.close());

  it('lets anyone read seasons and their policy, and only staff make or change them', async () => {
    const list = await t.http.get('/seasons');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ id: open.id, status: 'open' }] });
    const one = await t.http.get(`/seasons/${open.id}`);
    expect(one.body).toMatchObject({
      name: `Høst ${Y}`,
      startsOn: `${Y}-10-01`,
      endsOn: `${Y}-10-31`,
      roomIds: [w.gym.id],
      rooms: [{ id: w.gym.id, name: 'Gymsal', buildingName: 'Testskolen' }],
      applicationOpensAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/),
    });
    const policy = await t.http.get(`/seasons/${open.id}/policy`);
    expect(policy.body.tiers.map((x: any) => x.conditions)).toEqual([
      {
        organisationKinds: ['voluntary', 'sports', 'study_association'],
        requireLocal: true,
        ageGroups: ['children', 'youth'],
      },
      { ageGroups: ['children', 'youth'] },
      { requireLocal: true },
      {},
    ]);
    expect((await t.http.post('/seasons', {})).status).toBe(401);
    const applicantTry = await w.applicant.http.post('/seasons', { name: 'x' });
    expect(applicantTry.status).toBe(403);
    expect((await w.applicant.http.put(`/seasons/${open.id}/policy`, policy.body)).status).toBe(403);
    expect((await w.applicant.http.post(`/seasons/${open.id}/allocate`)).status).toBe(403);
    expect((await w.applicant.http.get(`/seasons/${open.id}/allocation`)).status).toBe(403);
    expect((await w.applicant.http.post(`/seasons/${open.id}/allocation/commit`, {})).status).toBe(403);
    expect((await w.applicant.http.post(`/seasons/${open.id}/publish`)).status).toBe(403);
  });

  it('keeps the policy staff write, and refuses one that is malformed', async () => {
    const policy = {
      tiers: [
        { name: 'Barn', conditions: { ageGroups: ['children'] } },
        { name: 'Alle', conditions: {} },
      ],
      weights: { keepPrevious: 2, preferenceRank: 1, fairness: 0 },
      timeLimitSeconds: 10,
    };
    const set = await w.staff.http.put(`/seasons/${open.id}/policy`, policy);
    expect([set.status, set.body]).toEqual([200, policy]);
    expect((await t.http.get(`/seasons/${open.id}/policy`)).body).toEqual(policy);
    for (const bad of [
      { ...policy, tiers: [] },
      { ...policy, weights: { ...policy.weights, fairness: -1 } },
      { ...policy, timeLimitSeconds: 0 },
      { ...policy, tiers: [{ name: 'x', conditions: { ageGroups: ['babies'] } }] },
    ]) {
      const res = await w.staff.http.put(`/seasons/${open.id}/policy`, bad);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
  });

  it('checks the dates and rooms of a season', async () => {
    const base = {
      name: 'Feil',
      startsOn: `${Y}-11-01`,
      endsOn: `${Y}-11-30`,
      applicationOpensAt: instant(-DAY),
      applicationDeadline: instant(HOUR),
    };
    const backwards = await w.staff.http.post('/seasons', { ...base, endsOn: `${Y}-10-01` });
    expect([backwards.status, backwards.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const lateDeadline = await w.staff.http.post('/seasons', {
      ...base,
      applicationDeadline: `${Y}-11-02T12:00`,
    });
    expect([lateDeadline.status, lateDeadline.body.code]).toEqual([400, 'INVALID_TIME_RANGE']);
    const unknownRoom = await w.staff.http.post('/seasons', {
      ...base,
      roomIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknownRoom.status).toBe(404);
    // The gym is given out in October already.
    const overlap = await w.staff.http.post('/seasons', {
      ...base,
      startsOn: `${Y}-10-15`,
      roomIds: [w.gym.id],
    });
    expect([overlap.status, overlap.body.code]).toEqual([409, 'CONFLICT']);
    expect(Number((await t.dataSource.query('SELECT count(*) AS n FROM seasons'))[0].n)).toBe(1);
  });

  it('takes an application while the round is open: submitted, without occurrences', async () => {
    const res = await w.applicant.http.post(
      '/booking-requests',
      application(open.id, { sessionsPerWeek: 1 }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'submitted',
      seasonId: open.id,
      roomId: null,
      startsAt: null,
      occurrences: [],
      occurrenceCount: 0,
      sessionsPerWeek: 1,
      preferences: [{ roomId: w.gym.id, weekday: 2, startTime: '18:00', endTime: '19:30' }],
    });
    const listed = await w.applicant.http.get(`/seasons/${open.id}/applications`);
    expect(listed.body.items.map((a: any) => a.id)).toEqual([res.body.id]);
    const byFilter = await w.staff.http.get('/booking-requests', { query: { seasonId: open.id } });
    expect(byFilter.body.total).toBe(1);

    const edited = await w.applicant.http.patch(`/seasons/${open.id}/applications/${res.body.id}`, {
      preferences: [
        { roomId: w.gym.id, weekday: 3, startTime: '18:00', endTime: '19:30' },
        { roomId: w.gym.id, weekday: 4, startTime: '18:00', endTime: '19:30' },
      ],
      sessionsPerWeek: 2,
    });
    expect([edited.status, edited.body.sessionsPerWeek, edited.body.preferences.length]).toEqual([200, 2, 2]);
    expect((await w.stranger.http.patch(`/seasons/${open.id}/applications/${res.body.id}`, {})).status).toBe(
      404,
    );
    const withdrawn = await w.applicant.http.post(
      `/seasons/${open.id}/applications/${res.body.id}/withdraw`,
      {},
    );
    expect([withdrawn.status, withdrawn.body.status]).toEqual([200, 'withdrawn']);
  });

  it('refuses bodies that mix the two forms or ask for what the season cannot give, writing nothing', async () => {
    const before = Number((await t.dataSource.query('SELECT count(*) AS n FROM booking_requests'))[0].n);
    const expectCode = async (body: unknown, status: number, code: string) => {
      const res = await w.applicant.http.post('/booking-requests', body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status, code });
    };
    await expectCode(application(open.id, { roomId: w.gym.id }), 400, 'VALIDATION_FAILED');
    await expectCode(application(open.id, { startsAt: `${Y}-10-05T18:00` }), 400, 'VALIDATION_FAILED');
    await expectCode(application(open.id, { preferences: undefined }), 400, 'VALIDATION_FAILED');
    await expectCode(application(open.id, { preferences: [] }), 400, 'VALIDATION_FAILED');
    await expectCode(
      application(open.id, {
        preferences: Array.from({ length: 11 }, (_, i) => ({
          roomId: w.gym.id,
          weekday: 1 + (i % 7),
          startTime: `${String(10 + i).padStart(2, '0')}:00`,
          endTime: '22:00',
        })),
      }),
      400,
      'VALIDATION_FAILED',
    );
    await expectCode(
      application(open.id, {
        preferences: [{ roomId: w.hall.id, weekday: 2, startTime: '18:00', endTime: '19:00' }],
      }),
      400,
      'VALIDATION_FAILED',
    );
    await expectCode(
      application(open.id, {
        preferences: [{ roomId: w.gym.id, weekday: 2, startTime: '19:00', endTime: '18:00' }],
      }),
      400,
      'INVALID_TIME_RANGE',
    );
    await expectCode(application(open.id, { sessionsPerWeek: 2 }), 400, 'VALIDATION_FAILED');
    await expectCode(application(open.id, { expectedParticipants: 500 }), 400, 'OVER_CAPACITY');
    await expectCode(
      application(open.id, { organisationId: w.unverified.id }),
      409,
      'ORGANISATION_NOT_VERIFIED',
    );
    // A single booking may not carry season fields, and a quote is for single bookings only.
    await expectCode(
      {
        organisationId: w.org.id,
        roomId: w.gym.id,
        title: 'x',
        ageGroup: 'children',
        expectedParticipants: 5,
        startsAt: `${Y}-10-05T18:00`,
        endsAt: `${Y}-10-05T19:00`,
        sessionsPerWeek: 1,
      },
      400,
      'VALIDATION_FAILED',
    );
    const quote = await w.applicant.http.post('/fees/quote', application(open.id));
    expect(quote.status).toBe(400);
    const stranger = await w.stranger.http.post('/booking-requests', application(open.id));
    expect(stranger.status).toBe(404);
    expect(Number((await t.dataSource.query('SELECT count(*) AS n FROM booking_requests'))[0].n)).toBe(
      before,
    );
  });

  it('takes applications only between opening and deadline (409 SEASON_CLOSED), and edits only until the deadline', async () => {
    const upcoming = await season({
      name: 'Senere',
      startsOn: `${Y}-12-01`,
      endsOn: `${Y}-12-31`,
      applicationOpensAt: instant(DAY),
      applicationDeadline: instant(2 * DAY),
      roomIds: [w.gym.id],
    });
    expect(upcoming.status).toBe('upcoming');
    const early = await w.applicant.http.post('/booking-requests', application(upcoming.id));
    expect([early.status, early.body.code]).toEqual([409, 'SEASON_CLOSED']);

    const closing = await season({
      name: 'Snart stengt',
      startsOn: `${Y + 1}-01-01`,
      endsOn: `${Y + 1}-01-31`,
      roomIds: [w.gym.id],
    });
    const applied = await w.applicant.http.post('/booking-requests', application(closing.id));
    expect(applied.status).toBe(201);
    const closed = await w.staff.http.patch(`/seasons/${closing.id}`, {
      applicationDeadline: instant(-60_000),
    });
    expect(closed.body.status).toBe('closed');
    const late = await w.applicant.http.post('/booking-requests', application(closing.id));
    expect([late.status, late.body.code]).toEqual([409, 'SEASON_CLOSED']);
    const edit = await w.applicant.http.patch(`/seasons/${closing.id}/applications/${applied.body.id}`, {
      title: 'For sent',
    });
    expect([edit.status, edit.body.code]).toEqual([409, 'SEASON_CLOSED']);
    const withdraw = await w.applicant.http.post(
      `/seasons/${closing.id}/applications/${applied.body.id}/withdraw`,
      {},
    );
    expect([withdraw.status, withdraw.body.code]).toEqual([409, 'SEASON_CLOSED']);
    const unchanged = await w.applicant.http.get(`/booking-requests/${applied.body.id}`);
    expect([unchanged.body.title, unchanged.body.status]).toEqual(['Håndball J12', 'submitted']);
    // nothing to commit or publish yet
    const commit = await w.staff.http.post(`/seasons/${closing.id}/allocation/commit`, {});
    expect([commit.status, commit.body.code]).toEqual([409, 'INVALID_STATE']);
    const publish = await w.staff.http.post(`/seasons/${closing.id}/publish`);
    expect([publish.status, publish.body.code]).toEqual([409, 'INVALID_STATE']);
  });

  it('holds the time of its rooms and rooms sharing a leaf while open, not before it opens', async () => {
    const courts = await season({
      name: 'Baner',
      startsOn: `${Y}-09-01`,
      endsOn: `${Y}-09-30`,
      roomIds: [w.courtA.id],
    });
    // A date each, so the pending bookings do not meet each other.
    const inSeason = `${Y}-09-14`;
    expect(kinds(await single(w.courtA.id, inSeason))).toEqual(['season']);
    const hall = await single(w.hall.id, `${Y}-09-15`);
    expect(hall.body.occurrences[0].conflicts).toEqual([
      expect.objectContaining({
        kind: 'season',
        seasonId: courts.id,
        reason: expect.stringContaining('Baner'),
      }),
    ]);
    expect(kinds(await single(w.courtB.id, `${Y}-09-16`))).toEqual([]);
    expect(kinds(await single(w.courtA.id, `${Y}-08-25`))).toEqual([]);
    const approve = await w.staff.http.post(`/booking-requests/${hall.body.id}/approve`, {});
    expect([approve.status, approve.body.code]).toEqual([409, 'BOOKING_CONFLICT']);

    // GET /conflicts shows the held time too, as the request's own view does: a group of one.
    const groups = await w.staff.http.get('/conflicts', {
      query: { from: `${Y}-09-15`, to: `${Y}-09-15T23:59` },
    });
    expect(groups.status).toBe(200);
    const held = groups.body.items.filter((g: any) =>
      g.occurrences.some((o: any) => o.requestId === hall.body.id),
    );
    expect(held).toHaveLength(1);
    expect(held[0].occurrences).toHaveLength(1);
    expect(held[0].blockedBy).toEqual([
      expect.objectContaining({
        kind: 'season',
        seasonId: courts.id,
        occurrenceIds: [hall.body.occurrences[0].id],
        reason: expect.stringContaining('Baner'),
      }),
    ]);
    const view = await w.staff.http.get(`/booking-requests/${hall.body.id}`);
    expect(view.body.occurrences[0].conflicts).toEqual([
      expect.objectContaining({ kind: 'season', seasonId: courts.id }),
    ]);

    // Nobody may book the held rooms, so the portal does not offer them.
    const free = await t.http.get('/public/free-rooms', {
      query: { date: inSeason, from: '19:00', to: '20:00' },
    });
    expect(free.body.items.map((r: any) => r.name).sort()).toEqual(['Bane B', 'Gymsal']);

    // A season that has not opened holds nothing yet.
    await season({
      name: 'Ikke åpnet',
      startsOn: `${Y + 1}-03-01`,
      endsOn: `${Y + 1}-03-31`,
      applicationOpensAt: instant(DAY),
      applicationDeadline: instant(2 * DAY),
      roomIds: [w.courtB.id],
    });
    expect(kinds(await single(w.courtB.id, `${Y + 1}-03-10`))).toEqual([]);
  });
});

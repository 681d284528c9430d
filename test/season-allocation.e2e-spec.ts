import { INestApplicationContext } from '@nestjs/common';
import { addDays, weekdayOf } from '../src/common/time';
import { publicHoliday } from '../src/core/venues/holidays';
import { datesOnWeekday } from '../src/seasons/season-dates';
import { Y } from './support/dates';
import { eventually, startApp, startWorker, TestApp, TestUser } from './support/test-app';
import { BookingWorld, bookingWorld, known } from './support/world';

/**
 * One season round end to end, over HTTP with the worker in-process: May of year Y in the world's gym,
 * hall and courts, applications from two local clubs, a proposal whose optimum greedy misses, pins and
 * moves, commit and publication.
 */
describe('season allocation', () => {
  let t: TestApp;
  let w: BookingWorld;
  let worker: INestApplicationContext;
  let other: TestUser;
  let otherOrg: { id: string };
  let season: any;
  const ids: Record<string, string> = {};

  const startsOn = `${Y}-05-01`;
  const endsOn = `${Y}-05-31`;
  const DAY = weekdayOf(`${Y}-05-17`); // Grunnlovsdag falls on it: a holiday in the season
  const DAY2 = (DAY % 7) + 1;
  const closedOn = datesOnWeekday(startsOn, endsOn, DAY).find((d) => !publicHoliday(d) && d > startsOn)!;
  const instant = (ms: number) => new Date(Date.now() + ms).toISOString();
  const slot = (roomId: string, weekday: number, startTime: string, endTime: string) => ({
    roomId,
    weekday,
    startTime,
    endTime,
  });

  const apply = async (
    user: TestUser,
    organisationId: string,
    title: string,
    ageGroup: string,
    preferences: unknown[],
  ): Promise<string> => {
    const res = await user.http.post('/booking-requests', {
      organisationId,
      title,
      ageGroup,
      expectedParticipants: 12,
      seasonId: season.id,
      preferences,
    });
    expect([res.status, res.body.code]).toEqual([201, undefined]);
    return res.body.id;
  };

  /** Queues a run, waits for its job, and answers the proposal. */
  const run = async (seasonId: string = season.id): Promise<any> => {
    const queued = await w.staff.http.post(`/seasons/${seasonId}/allocate`);
    expect(queued.status).toBe(202);
    const job = await eventually(
      async () => {
        const res = await w.staff.http.get(`/jobs/${queued.body.jobId}`);
        // GET /jobs/:id may read the state just after the job completed but its result from just before.
        return res.body.state === 'completed' && res.body.result ? res.body : undefined;
      },
      { timeout: 30_000 },
    );
    expect(job.result).toMatchObject({ seasonId, state: 'done' });
    const proposal = await w.staff.http.get(`/seasons/${seasonId}/allocation`);
    expect(proposal.status).toBe(200);
    return proposal.body;
  };
  const granted = (proposal: any, requestId: string): number[] =>
    proposal.assignments.filter((a: any) => a.requestId === requestId).map((a: any) => a.preferenceIndex);
  const unassigned = (proposal: any, requestId: string): any =>
    proposal.unassigned.find((u: any) => u.requestId === requestId);

  beforeAll(async () => {
    t = await startApp();
    worker = await startWorker(t.config);
    w = await bookingWorld(t);
    other = await t.createUser(['applicant']);
    otherOrg = (
      await other.http.post('/organisations', {
        orgNumber: known(t, 'Naboklubben'),
        name: 'Naboklubben',
        kind: 'sports',
        inFrivillighetsregisteret: true,
        municipalityNumber: '3218',
        email: 'post@nabo.no',
      })
    ).body;
    await w.staff.http.post(`/organisations/${otherOrg.id}/verify`);

    // Naboklubben already holds time in May elsewhere: fairness ranks it after Testklubben.
    const culture = (await w.staff.http.post('/buildings', { name: 'Kulturhuset', kind: 'culture' })).body;
    const hallRoom = (
      await w.staff.http.post('/rooms', { buildingId: culture.id, name: 'Sal', kind: 'hall', capacity: 100 })
    ).body;
    await w.staff.http.put(`/rooms/${hallRoom.id}/opening-hours`, {
      hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '23:00' })),
    });
    const elsewhere = await other.http.post('/booking-requests', {
      organisationId: otherOrg.id,
      roomId: hallRoom.id,
      title: 'Årsmøte',
      ageGroup: 'adults',
      expectedParticipants: 30,
      startsAt: `${Y}-05-04T18:00`,
      endsAt: `${Y}-05-04T22:00`,
    });
    expect((await w.staff.http.post(`/booking-requests/${elsewhere.body.id}/approve`, {})).status).toBe(200);
    await w.staff.http.put(`/rooms/${w.gym.id}/prices`, {
      hourlyOre: { nonprofit: 10000, public: 12000, commercial: 40000, private: 30000 },
    });
    ids.rule = (
      await w.staff.http.post('/exemption-rules', {
        name: 'Lokale barn og unge',
        priority: 10,
        validFrom: `${Y}-01-01`,
        conditions: { requireLocal: true, ageGroups: ['children', 'youth'] },
        effect: { waivePercent: 100 },
      })
    ).body.id;
    await w.staff.http.post('/closures', {
      roomId: w.gym.id,
      startsAt: `${closedOn}T00:00`,
      endsAt: `${addDays(closedOn, 1)}T00:00`,
      reason: 'Eksamen',
    });

    const created = await w.staff.http.post('/seasons', {
      name: `Vårsesong ${Y}`,
      startsOn,
      endsOn,
      applicationOpensAt: instant(-86_400_000),
      applicationDeadline: instant(3_600_000),
      roomIds: [w.gym.id, w.hall.id, w.courtA.id, w.courtB.id],
    });
    expect(created.status).toBe(201);
    season = created.body;
    expect(season).toMatchObject({ status: 'open', roomIds: expect.any(Array) });

    // Greedy trap in the gym: A (Testklubben) wants X or Y, B (Naboklubben) only X.
    const X = slot(w.gym.id, DAY, '18:00', '19:30');
    const Yslot = slot(w.gym.id, DAY2, '18:00', '19:30');
    ids.A = await apply(w.applicant, w.org.id, 'Håndball J10', 'children', [X, Yslot]);
    ids.B = await apply(other, otherOrg.id, 'Basket G11', 'children', [X]);
    // Tiers in the gym later that evening: local adults (tier 3) want more hours than the children (tier 1).
    ids.kids = await apply(w.applicant, w.org.id, 'Minihåndball', 'children', [
      slot(w.gym.id, DAY, '20:00', '21:00'),
    ]);
    ids.adults = await apply(other, otherOrg.id, 'Oldboys', 'adults', [
      slot(w.gym.id, DAY, '19:40', '20:55'),
    ]);
    // Sections: two courts side by side, and the whole hall over both.
    ids.courtA = await apply(w.applicant, w.org.id, 'Basket J12', 'children', [
      slot(w.courtA.id, DAY, '18:00', '19:00'),
    ]);
    ids.courtB = await apply(other, otherOrg.id, 'Volleyball G12', 'children', [
      slot(w.courtB.id, DAY, '18:00', '19:00'),
    ]);
    ids.hall = await apply(other, otherOrg.id, 'Innebandy G13', 'youth', [
      slot(w.hall.id, DAY, '18:30', '19:30'),
    ]);
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  let first: any;

  it('finds the optimum where greedy gives the contested slot to the first in line', async () => {
    first = await run();
    expect(first).toMatchObject({ status: 'optimal', gap: 0, stale: false, committed: false });
    expect(granted(first, ids.A)).toEqual([1]);
    expect(granted(first, ids.B)).toEqual([0]);
    // Greedy alone would give X to A and nothing to B: 1.5 of the 3 hours the optimum grants there.
    // Tier 1 also holds the children's hour in the gym and the two courts' hours.
    const tier1 = first.tiers.find((x: any) => x.tier === 1);
    expect(tier1.hours).toBe(3 + 1 + 2);
    expect(tier1.greedyHours).toBe(1.5 + 1 + 2);
    const a = first.assignments.find((x: any) => x.requestId === ids.A);
    expect(a).toMatchObject({
      roomName: 'Gymsal',
      buildingName: 'Testskolen',
      weekday: DAY2,
      startTime: '18:00',
    });
    expect(a.explanation).toMatch(
      /^Granted alternative 2 \(Gymsal, Testskolen, .*\): alternative 1 .* is held by Naboklubben «Basket G11» \(priority tier 1\)\.$/,
    );
  });

  it('puts a higher tier first, even against more hours of a lower one', async () => {
    expect(granted(first, ids.kids)).toEqual([0]);
    const adults = unassigned(first, ids.adults);
    expect(adults).toMatchObject({ organisationName: 'Naboklubben', tier: 3 });
    expect(adults.explanation).toMatch(
      /^Not granted: alternative 1 .* is held by Testklubben «Minihåndball» \(priority tier 1\)\.$/,
    );
  });

  it('lets two courts be used side by side, and keeps the hall over them out', async () => {
    expect(granted(first, ids.courtA)).toEqual([0]);
    expect(granted(first, ids.courtB)).toEqual([0]);
    expect(unassigned(first, ids.hall).explanation).toMatch(
      /Hall, Testskolen, .* is held by (Testklubben|Naboklubben)/,
    );
  });

  it('shows the dates each assignment gives, with the holiday and the closure set aside', async () => {
    const b = first.assignments.find((x: any) => x.requestId === ids.B);
    const reasons = b.skippedDates.map((s: any) => [s.date, s.reason]);
    expect(reasons).toContainEqual([`${Y}-05-17`, 'holiday']);
    expect(reasons).toContainEqual([closedOn, 'closure']);
  });

  it('refuses pins that clash, and re-runs around pins that hold', async () => {
    const clash = await w.staff.http.put(`/seasons/${season.id}/allocation/pins`, {
      pins: [
        { requestId: ids.A, preferenceIndex: 0 },
        { requestId: ids.B, preferenceIndex: 0 },
      ],
    });
    expect([clash.status, clash.body.code]).toEqual([409, 'CONFLICT']);
    expect(clash.body.details.problems.join(' ')).toMatch(/clash/);
    const unknown = await w.staff.http.put(`/seasons/${season.id}/allocation/pins`, {
      pins: [{ requestId: ids.A, preferenceIndex: 5 }],
    });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'VALIDATION_FAILED']);

    const pinned = await w.staff.http.put(`/seasons/${season.id}/allocation/pins`, {
      pins: [{ requestId: ids.A, preferenceIndex: 0 }],
    });
    expect(pinned.status).toBe(200);
    expect(pinned.body.stale).toBe(true);
    const again = await run();
    expect(granted(again, ids.A)).toEqual([0]);
    expect(again.assignments.find((x: any) => x.requestId === ids.A).pinned).toBe(true);
    expect(unassigned(again, ids.B).explanation).toMatch(/held by Testklubben «Håndball J10»/);
  });

  it('moves an assignment by hand, checked against the rest of the proposal', async () => {
    const blocked = await w.staff.http.post(`/seasons/${season.id}/allocation/assignments/${ids.B}/move`, {
      preferenceIndex: 0,
    });
    expect([blocked.status, blocked.body.code]).toEqual([409, 'CONFLICT']);
    const moved = await w.staff.http.post(`/seasons/${season.id}/allocation/assignments/${ids.A}/move`, {
      preferenceIndex: 1,
    });
    expect(moved.status).toBe(200);
    expect(granted(moved.body, ids.A)).toEqual([1]);
    expect(moved.body.pins).toEqual([{ requestId: ids.A, preferenceIndex: 1 }]);
    expect(moved.body.editedAt).toEqual(expect.any(String));
    // X is free now, and nobody has it until the allocation runs again
    expect(unassigned(moved.body, ids.B).explanation).toMatch(/is free/);
    const rerun = await run();
    expect(granted(rerun, ids.A)).toEqual([1]);
    expect(granted(rerun, ids.B)).toEqual([0]);
  });

  it('holds the season rooms: a single booking there meets a season conflict and cannot be approved', async () => {
    const single = await w.applicant.http.post('/booking-requests', {
      organisationId: w.org.id,
      roomId: w.gym.id,
      title: 'Bursdag',
      ageGroup: 'children',
      expectedParticipants: 10,
      startsAt: `${Y}-05-12T20:00`,
      endsAt: `${Y}-05-12T21:00`,
    });
    expect(single.status).toBe(201);
    expect(single.body.occurrences[0].conflicts).toEqual([
      expect.objectContaining({ kind: 'season', seasonId: season.id }),
    ]);
    const approve = await w.staff.http.post(`/booking-requests/${single.body.id}/approve`, {});
    expect([approve.status, approve.body.code]).toEqual([409, 'BOOKING_CONFLICT']);
  });

  it('commits only after the deadline, and only a proposal that is not stale', async () => {
    const early = await w.staff.http.post(`/seasons/${season.id}/allocation/commit`, {});
    expect([early.status, early.body.code]).toEqual([409, 'INVALID_STATE']);
    const closed = await w.staff.http.patch(`/seasons/${season.id}`, {
      applicationDeadline: instant(-60_000),
    });
    expect(closed.body.status).toBe('closed');
    const stale = await w.staff.http.post(`/seasons/${season.id}/allocation/commit`, {});
    expect([stale.status, stale.body.message]).toEqual([409, expect.stringMatching(/stale/)]);
    const late = await w.applicant.http.patch(`/seasons/${season.id}/applications/${ids.A}`, {
      title: 'Nytt navn',
    });
    expect([late.status, late.body.code]).toEqual([409, 'SEASON_CLOSED']);
    const applicant = await w.applicant.http.post(`/seasons/${season.id}/allocate`);
    expect(applicant.status).toBe(403);
    await run();
  });

  let committed: any;

  it('commits approved occurrences for every date but the holiday and the closure, which are recorded', async () => {
    const forbidden = await w.applicant.http.post(`/seasons/${season.id}/allocation/commit`, {});
    expect(forbidden.status).toBe(403);
    const res = await w.staff.http.post(`/seasons/${season.id}/allocation/commit`, {});
    expect(res.status).toBe(200);
    committed = res.body;
    const dates = datesOnWeekday(startsOn, endsOn, DAY);
    const open = dates.filter((d) => !publicHoliday(d) && d !== closedOn);
    const b = await w.staff.http.get(`/booking-requests/${ids.B}`);
    expect(b.body.status).toBe('approved');
    expect(b.body.occurrences.map((o: any) => o.startsAt.slice(0, 10))).toEqual(open);
    expect(
      b.body.occurrences.every((o: any) => o.status === 'approved' && o.startsAt.endsWith('T18:00:00+02:00')),
    ).toBe(true);
    // Priced by the exemption rules: the gym's rent, waived for local children.
    expect(b.body.occurrences[0].fee).toMatchObject({
      listOre: 15000,
      waivedOre: 15000,
      chargedOre: 0,
      ruleId: ids.rule,
    });
    const mine = committed.requests.find((r: any) => r.requestId === ids.B);
    expect(mine.skippedDates.map((s: any) => s.date)).toEqual(dates.filter((d) => !open.includes(d)));
    const history = await w.staff.http.get(`/booking-requests/${ids.B}/history`);
    const approved = history.body.items.find((e: any) => e.action === 'approved');
    expect(approved.details.skippedDates).toContainEqual({
      date: closedOn,
      reason: 'closure',
      detail: 'Eksamen',
    });
  });

  it('rejects the applications left out, with their explanation as the reason', async () => {
    const adults = await other.http.get(`/booking-requests/${ids.adults}`);
    expect(adults.body.status).toBe('rejected');
    const history = await other.http.get(`/booking-requests/${ids.adults}/history`);
    const rejected = history.body.items.find((e: any) => e.action === 'rejected');
    expect(rejected.reason).toMatch(/^Not granted: .*Testklubben «Minihåndball»/);
    expect(committed).toMatchObject({ requestsApproved: 5, requestsRejected: 2 });
  });

  it('tells each organisation contact what it got and why, once', async () => {
    const messages = await t.dataSource.query(
      `SELECT to_email, locale, data FROM outbox_messages WHERE kind = 'season_result' ORDER BY to_email`,
    );
    expect(messages.map((m: any) => m.to_email).sort()).toEqual(
      [w.applicant.user.email, other.user.email].sort(),
    );
    const nabo = messages.find((m: any) => m.to_email === other.user.email).data;
    expect(nabo.organisationName).toBe('Naboklubben');
    const titles = nabo.applications.map((a: any) => [a.title, a.granted]);
    expect(titles).toEqual(
      expect.arrayContaining([
        ['Basket G11', true],
        ['Oldboys', false],
        ['Innebandy G13', false],
      ]),
    );
    expect(committed.messages).toBe(2);
  });

  it('answers a second commit with the first result and changes nothing', async () => {
    const count = async () =>
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS n FROM booking_occurrences o JOIN booking_requests q ON q.id = o.request_id
          WHERE q.season_id = $1`,
          [season.id],
        )
      )[0].n;
    const before = await count();
    const again = await w.staff.http.post(`/seasons/${season.id}/allocation/commit`, {});
    expect(again.status).toBe(200);
    expect(again.body).toEqual(committed);
    expect(await count()).toBe(before);
    const outbox = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE kind = 'season_result'`,
    );
    expect(outbox[0].n).toBe(2);
    expect((await t.http.get(`/seasons/${season.id}`)).body.status).toBe('allocated');
  });

  it('shows the season in the public calendar only once published', async () => {
    const ics = async () =>
      (
        await t.http.get('/public/calendar.ics', {
          query: { organisationId: otherOrg.id, from: startsOn, to: endsOn },
        })
      ).text;
    expect(await ics()).not.toContain('Basket G11');
    expect(await ics()).toContain('Årsmøte'); // the single booking was public all along
    const published = await w.staff.http.post(`/seasons/${season.id}/publish`);
    expect([published.status, published.body.status]).toEqual([200, 'published']);
    expect(await ics()).toContain('Basket G11');
  });
  it('refuses to commit over approved bookings outside the season, unless told to skip those dates', async () => {
    const date = `${Y}-06-08`;
    const earlier = await w.applicant.http.post('/booking-requests', {
      organisationId: w.org.id,
      roomId: w.courtB.id,
      title: 'Cup',
      ageGroup: 'children',
      expectedParticipants: 10,
      startsAt: `${date}T18:00`,
      endsAt: `${date}T20:00`,
    });
    const [occurrence] = earlier.body.occurrences;
    expect((await w.staff.http.post(`/booking-requests/${earlier.body.id}/approve`, {})).status).toBe(200);
    const june = (
      await w.staff.http.post('/seasons', {
        name: `Juni ${Y}`,
        startsOn: `${Y}-06-01`,
        endsOn: `${Y}-06-30`,
        applicationOpensAt: instant(-86_400_000),
        applicationDeadline: instant(3_600_000),
        roomIds: [w.courtB.id],
      })
    ).body;
    const res = await w.applicant.http.post('/booking-requests', {
      organisationId: w.org.id,
      title: 'Basket J14',
      ageGroup: 'youth',
      expectedParticipants: 12,
      seasonId: june.id,
      preferences: [slot(w.courtB.id, weekdayOf(date), '18:30', '19:30')],
    });
    const preview = await run(june.id);
    const assignment = preview.assignments.find((a: any) => a.requestId === res.body.id);
    expect(assignment.skippedDates).toContainEqual({ date, reason: 'booked' });

    await w.staff.http.patch(`/seasons/${june.id}`, { applicationDeadline: instant(-60_000) });
    await run(june.id);
    const refused = await w.staff.http.post(`/seasons/${june.id}/allocation/commit`, {});
    expect([refused.status, refused.body.code]).toEqual([409, 'BOOKING_CONFLICT']);
    expect(refused.body.details).toEqual([
      expect.objectContaining({
        date,
        requestId: res.body.id,
        inTheWay: [expect.objectContaining({ occurrenceId: occurrence.id })],
      }),
    ]);
    expect((await w.staff.http.get(`/booking-requests/${res.body.id}`)).body.occurrenceCount).toBe(0);
    const skipping = await w.staff.http.post(`/seasons/${june.id}/allocation/commit`, {
      skipBookedDates: true,
    });
    expect(skipping.status).toBe(200);
    expect(skipping.body.requests[0].skippedDates).toContainEqual({ date, reason: 'booked' });
    const dates = datesOnWeekday(`${Y}-06-01`, `${Y}-06-30`, weekdayOf(date)).filter(
      (d) => !publicHoliday(d),
    );
    expect(skipping.body.requests[0].occurrences).toBe(dates.length - 1);
  });
});

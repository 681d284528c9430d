import { parseInstant } from '../src/common/time';
import { startApp, TestApp, TestUser } from './support/test-app';

/**
 * A small world where every øre is known by hand. Bookings are written straight into the tables (the
 * bookings module is not needed to price them again).
 *
 * Testskole (school), Gymsal: 150 kr/h for nonprofits, 600 kr/h for businesses, 100 kr per series.
 * Testhus (culture), Store sal: 800 kr/h for businesses, caretaker 300 kr/h at weekends 08–22.
 * Today's rule: free rent for local children's and youth groups in Frivillighetsregisteret, in schools.
 *
 *  R1 Sjakklubb (voluntary, FR, local), children, weekly in the gym, Tue 18–20: 7, 14, 21 Sep approved
 *     (7 Sep opens the series: +100 kr), 28 Sep cancelled.             list 3 × 300 + 100 = 1000 kr
 *  R2 Eventbyrå AS (commercial), adults, once, Store sal Sat 11 Sep 10–13: rent 2400 + caretaker 900
 *                                                                       list 3300 kr
 *  R3 Ås IL (sports, not in FR, local), youth, once, gym Wed 8 Sep 17:00–18:30, pending.  list 225 kr
 *  R6 Eventbyrå AS, adults, once, gym Thu 30 Sep 23:00–23:30 (still September in Oslo).   list 300 kr
 *  R7 Sjakklubb, children, weekly in the gym Thu 18–19 since 26 Aug: 2 and 9 Sep approved, not first.
 *                                                                       list 2 × 150 = 300 kr
 *  R8 Sjakklubb, children, weekly in the gym Fri 17–18: 3 Sep (cancelled, yet the first), 10 Sep.
 *                                                                       list 150 kr
 *  Outside the count: 31 Aug 23:30 and 1 Oct 00:30 in Oslo, rejected and withdrawn ones.
 */
describe('POST /fees/simulate: a period priced under today’s rules and under proposed ones', () => {
  let t: TestApp;
  let staff: TestUser;
  let analyst: TestUser;
  let school: any;
  let culture: any;
  let currentRule: any;

  const PROPOSED = [
    {
      name: 'Halv pris for alle frivillige',
      priority: 50,
      validFrom: '2027-01-01',
      conditions: { organisationKinds: ['voluntary', 'sports', 'study_association'] },
      effect: { waivePercent: 50, waives: ['rent', 'fixed'] },
    },
    {
      name: 'Vaktmester-rabatt i helgene',
      priority: 10,
      validFrom: '2027-01-01',
      validTo: '2027-12-31',
      conditions: { organisationKinds: ['commercial'], weekdays: [6, 7] },
      effect: { waivePercent: 10, waives: ['caretaker'] },
    },
  ];

  beforeAll(async () => {
    t = await startApp();
    [staff, analyst] = await Promise.all([t.as('staff'), t.as('analyst')]);
    school = (await staff.http.post('/buildings', { name: 'Testskole', kind: 'school' })).body;
    culture = (await staff.http.post('/buildings', { name: 'Testhus', kind: 'culture' })).body;
    const gym = (
      await staff.http.post('/rooms', { buildingId: school.id, name: 'Gymsal', kind: 'gym', capacity: 60 })
    ).body;
    const stage = (
      await staff.http.post('/rooms', {
        buildingId: culture.id,
        name: 'Store sal',
        kind: 'auditorium',
        capacity: 400,
      })
    ).body;
    await staff.http.put(`/rooms/${gym.id}/prices`, {
      hourlyOre: { nonprofit: 15000, public: 20000, commercial: 60000, private: 45000 },
      fixedPerSeriesOre: { nonprofit: 10000 },
    });
    await staff.http.put(`/rooms/${stage.id}/prices`, {
      hourlyOre: { nonprofit: 20000, public: 20000, commercial: 80000, private: 80000 },
      extras: [
        { kind: 'caretaker', hourlyOre: 30000, windows: [{ weekdays: [6, 7], from: '08:00', to: '22:00' }] },
      ],
    });
    currentRule = (
      await staff.http.post('/exemption-rules', {
        name: 'Gratis for barn og unge i skolelokaler',
        priority: 100,
        validFrom: '2027-01-01',
        conditions: {
          organisationKinds: ['voluntary', 'sports'],
          requireFrivillighetsregisteret: true,
          requireLocal: true,
          ageGroups: ['children', 'youth'],
          buildingKinds: ['school'],
        },
        effect: { waivePercent: 100 },
      })
    ).body;

    const org = async (name: string, kind: string, fr: boolean, municipality: string, n: string) =>
      (
        await t.dataSource.query(
          `INSERT INTO organisations (org_number, name, kind, in_frivillighetsregisteret, municipality_number, email, status)
           VALUES ($1, $2, $3, $4, $5, 'post@example.no', 'verified') RETURNING id`,
          [n, name, kind, fr, municipality],
        )
      )[0].id;
    const chess = await org('Ås Sjakklubb', 'voluntary', true, '3218', '999000001');
    const events = await org('Eventbyrå AS', 'commercial', false, '3207', '999000002');
    const club = await org('Ås IL', 'sports', false, '3218', '999000003');

    const request = async (
      organisationId: string,
      roomId: string,
      ageGroup: string,
      repeating: boolean,
      occurrences: [string, string, string][],
    ) => {
      const [{ id }] = await t.dataSource.query(
        `INSERT INTO booking_requests (organisation_id, room_id, title, age_group, expected_participants, starts_at, ends_at, rrule)
         VALUES ($1, $2, 'Test', $3, 10, $4, $5, $6) RETURNING id`,
        [
          organisationId,
          roomId,
          ageGroup,
          parseInstant(occurrences[0][0]),
          parseInstant(occurrences[0][1]),
          repeating ? 'FREQ=WEEKLY' : null,
        ],
      );
      for (const [startsAt, endsAt, status] of occurrences)
        await t.dataSource.query(
          `INSERT INTO booking_occurrences (request_id, room_id, starts_at, ends_at, status) VALUES ($1, $2, $3, $4, $5)`,
          [id, roomId, parseInstant(startsAt), parseInstant(endsAt), status],
        );
    };
    await request(chess, gym.id, 'children', true, [
      ['2027-09-07T18:00', '2027-09-07T20:00', 'approved'],
      ['2027-09-14T18:00', '2027-09-14T20:00', 'approved'],
      ['2027-09-21T18:00', '2027-09-21T20:00', 'approved'],
      ['2027-09-28T18:00', '2027-09-28T20:00', 'cancelled'],
    ]);
    await request(events, stage.id, 'adults', false, [['2027-09-11T10:00', '2027-09-11T13:00', 'approved']]);
    await request(club, gym.id, 'youth', false, [['2027-09-08T17:00', '2027-09-08T18:30', 'pending']]);
    await request(events, gym.id, 'adults', false, [['2027-09-30T23:00', '2027-09-30T23:30', 'approved']]);
    await request(chess, gym.id, 'children', true, [
      ['2027-08-26T18:00', '2027-08-26T19:00', 'approved'],
      ['2027-09-02T18:00', '2027-09-02T19:00', 'approved'],
      ['2027-09-09T18:00', '2027-09-09T19:00', 'approved'],
    ]);
    await request(chess, gym.id, 'children', true, [
      ['2027-09-03T17:00', '2027-09-03T18:00', 'cancelled'],
      ['2027-09-10T17:00', '2027-09-10T18:00', 'approved'],
    ]);
    await request(events, gym.id, 'adults', false, [['2027-08-31T23:30', '2027-08-31T23:59', 'approved']]);
    await request(events, gym.id, 'adults', false, [['2027-10-01T00:30', '2027-10-01T01:00', 'approved']]);
    await request(club, gym.id, 'youth', false, [['2027-09-15T17:00', '2027-09-15T18:00', 'rejected']]);
    await request(club, gym.id, 'youth', false, [['2027-09-16T17:00', '2027-09-16T18:00', 'withdrawn']]);
  });
  afterAll(() => t.close());

  const simulate = (who: TestUser, body: object) =>
    who.http.post('/fees/simulate', { from: '2027-09-01', to: '2027-09-30', rules: PROPOSED, ...body });
  const totals = (listOre: number, waivedOre: number, chargedOre: number) => ({
    listOre,
    waivedOre,
    chargedOre,
  });

  it('prices the approved occurrences of the period under both rule sets, in total and by group', async () => {
    const res = await simulate(analyst, {});
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      period: { from: '2027-09-01', to: '2027-09-30' },
      occurrences: 8,
      current: totals(505000, 135000, 370000),
      proposed: totals(505000, 81500, 423500),
      difference: totals(0, -53500, 53500),
      byOrganisationKind: [
        {
          key: 'voluntary',
          occurrences: 6,
          current: totals(145000, 135000, 10000),
          proposed: totals(145000, 72500, 72500),
          difference: totals(0, -62500, 62500),
        },
        {
          key: 'commercial',
          occurrences: 2,
          current: totals(360000, 0, 360000),
          proposed: totals(360000, 9000, 351000),
          difference: totals(0, 9000, -9000),
        },
      ],
      byBuilding: [
        {
          key: culture.id,
          name: 'Testhus',
          occurrences: 1,
          current: totals(330000, 0, 330000),
          proposed: totals(330000, 9000, 321000),
          difference: totals(0, 9000, -9000),
        },
        {
          key: school.id,
          name: 'Testskole',
          occurrences: 7,
          current: totals(175000, 135000, 40000),
          proposed: totals(175000, 72500, 102500),
          difference: totals(0, -62500, 62500),
        },
      ],
      byAgeGroup: [
        expect.objectContaining({ key: 'children', occurrences: 6, current: totals(145000, 135000, 10000) }),
        expect.objectContaining({ key: 'adults', occurrences: 2, proposed: totals(360000, 9000, 351000) }),
      ],
    });
  });

  it('counts pending occurrences too when asked', async () => {
    const res = await simulate(staff, { includePending: true });
    expect(res.body).toMatchObject({
      occurrences: 9,
      current: totals(527500, 135000, 392500),
      proposed: totals(527500, 92750, 434750),
    });
    expect(res.body.byOrganisationKind.map((g: any) => g.key)).toEqual(['voluntary', 'sports', 'commercial']);
    expect(res.body.byAgeGroup.find((g: any) => g.key === 'youth')).toMatchObject({
      occurrences: 1,
      current: totals(22500, 0, 22500),
      proposed: totals(22500, 11250, 11250),
    });
  });

  it('compares with no exemptions at all, and counts nothing in an empty period', async () => {
    const none = await simulate(analyst, { rules: [] });
    expect(none.body.proposed).toEqual(totals(505000, 0, 505000));
    const empty = await simulate(analyst, { from: '2028-01-01', to: '2028-12-31' });
    expect(empty.body).toMatchObject({ occurrences: 0, current: totals(0, 0, 0), byBuilding: [] });
  });

  it('lets a proposed rule stand for a current one, and uses the current version of each rule', async () => {
    const asRead = await simulate(analyst, { rules: [currentRule] });
    expect([asRead.status, asRead.body.code]).toEqual([400, 'VALIDATION_FAILED']); // no version or createdAt
    const { name, priority, validFrom, conditions, effect } = currentRule;
    const replica = await simulate(analyst, {
      rules: [{ id: currentRule.id, name, priority, validFrom, conditions, effect }],
    });
    expect(replica.body.difference).toEqual(totals(0, 0, 0));

    await staff.http.patch(`/exemption-rules/${currentRule.id}`, { effect: { waivePercent: 80 } });
    const after = await simulate(analyst, {
      rules: [{ id: currentRule.id, name, priority, validFrom, conditions, effect }],
    });
    expect(after.body.current).toEqual(totals(505000, 108000, 397000));
    expect(after.body.difference).toEqual(totals(0, 27000, -27000));
    await staff.http.patch(`/exemption-rules/${currentRule.id}`, { effect: { waivePercent: 100 } });
  });

  it('refuses callers other than analysts and staff', async () => {
    for (const role of ['applicant', 'caretaker'] as const) {
      const res = await simulate(await t.as(role), {});
      expect([role, res.status]).toEqual([role, 403]);
    }
    expect(
      (await t.http.post('/fees/simulate', { from: '2027-09-01', to: '2027-09-30', rules: [] })).status,
    ).toBe(401);
  });

  it('refuses a period longer than two years or backwards, and invalid proposed rules, naming them', async () => {
    const twoYears = await simulate(analyst, { from: '2026-10-01', to: '2028-09-30', rules: [] });
    expect(twoYears.status).toBe(200);
    const tooLong = await simulate(analyst, { from: '2026-10-01', to: '2028-10-01' });
    expect([tooLong.status, tooLong.body.code]).toEqual([400, 'INVALID_TIME_RANGE']);
    const backwards = await simulate(analyst, { from: '2027-09-30', to: '2027-09-01' });
    expect([backwards.status, backwards.body.code]).toEqual([400, 'VALIDATION_FAILED']);

    const invalid = await simulate(analyst, {
      rules: [PROPOSED[0], { ...PROPOSED[1], effect: { waivePercent: 120 } }],
    });
    expect([invalid.status, invalid.body.code]).toEqual([400, 'INVALID_RULE']);
    expect(invalid.body.message).toMatch(/^rules\[1\]: effect\.waivePercent/);
    expect(invalid.body.details.rules).toEqual([
      { index: 1, problems: [expect.stringMatching(/waivePercent/)] },
    ]);

    const id = '11111111-1111-4111-8111-111111111111';
    const twice = await simulate(analyst, {
      rules: [
        { ...PROPOSED[0], id },
        { ...PROPOSED[1], id },
      ],
    });
    expect([twice.body.code, twice.body.details.rules[0].index]).toEqual(['INVALID_RULE', 1]);

    const unknown = await simulate(analyst, {
      rules: [{ ...PROPOSED[0], conditions: { hairColour: ['red'] } }],
    });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const badDate = await simulate(analyst, { from: '2027-02-29' });
    expect(badDate.body.code).toBe('VALIDATION_FAILED');
    const noRules = await analyst.http.post('/fees/simulate', { from: '2027-09-01', to: '2027-09-30' });
    expect(noRules.body.code).toBe('VALIDATION_FAILED');
  });
});

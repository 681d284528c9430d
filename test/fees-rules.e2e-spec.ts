import { startApp, TestApp, TestUser } from './support/test-app';

describe('fees: versioned exemption rules', () => {
  let t: TestApp;
  let staff: TestUser;
  let applicant: TestUser;
  let analyst: TestUser;

  beforeAll(async () => {
    t = await startApp();
    [staff, applicant, analyst] = await Promise.all([t.as('staff'), t.as('applicant'), t.as('analyst')]);
  });
  afterAll(() => t.close());

  const rows = async (table: string): Promise<number> =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  const RULE = {
    name: 'Gratis for barn og unge i skolelokaler',
    priority: 100,
    validFrom: '2027-01-01',
    conditions: {
      organisationKinds: ['voluntary', 'sports'],
      requireFrivillighetsregisteret: true,
      requireLocal: true,
      ageGroups: ['children', 'youth'],
      buildingKinds: ['school'],
      weekdays: [1, 2, 3, 4, 5],
      startsNotBefore: '16:00',
      endsNotAfter: '22:00',
      excludeEntranceFee: true,
    },
    effect: { waivePercent: 100 },
  };

  it('makes a rule as version 1, with the effect spelled out, and lists it for staff and analysts', async () => {
    const made = await staff.http.post('/exemption-rules', RULE);
    expect(made.status).toBe(201);
    expect(made.body).toEqual({
      id: expect.any(String),
      version: 1,
      name: RULE.name,
      priority: 100,
      validFrom: '2027-01-01',
      validTo: null,
      conditions: RULE.conditions,
      effect: { waivePercent: 100, waives: ['rent'] },
      createdAt: expect.stringMatching(/[+-]\d\d:\d\d$/),
      createdBy: staff.user.id,
    });
    const listed = await analyst.http.get('/exemption-rules');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((r: any) => r.id)).toContain(made.body.id);
    expect((await analyst.http.get(`/exemption-rules/${made.body.id}`)).body.versions).toHaveLength(1);
  });

  it('refuses rules from anyone but staff, and the list to applicants and anonymous callers', async () => {
    expect((await applicant.http.post('/exemption-rules', RULE)).status).toBe(403);
    expect((await analyst.http.post('/exemption-rules', RULE)).status).toBe(403);
    expect((await applicant.http.get('/exemption-rules')).status).toBe(403);
    expect((await t.http.get('/exemption-rules')).status).toBe(401);
    const made = (await staff.http.post('/exemption-rules', RULE)).body;
    expect((await analyst.http.patch(`/exemption-rules/${made.id}`, { priority: 1 })).status).toBe(403);
  });

  it('writes a new version on every edit and keeps the old ones', async () => {
    const v1 = (await staff.http.post('/exemption-rules', { ...RULE, name: 'Halv pris' })).body;
    const v2 = await staff.http.patch(`/exemption-rules/${v1.id}`, {
      effect: { waivePercent: 50, waives: ['rent', 'caretaker'] },
      validTo: '2027-12-31',
    });
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({
      id: v1.id,
      version: 2,
      name: 'Halv pris',
      validFrom: '2027-01-01',
      validTo: '2027-12-31',
      conditions: RULE.conditions,
      effect: { waivePercent: 50, waives: ['rent', 'caretaker'] },
    });

    const v3 = await staff.http.patch(`/exemption-rules/${v1.id}`, {
      conditions: { organisationKinds: ['study_association'] },
      validTo: null,
    });
    expect(v3.body).toMatchObject({
      version: 3,
      validTo: null,
      conditions: { organisationKinds: ['study_association'] },
    });

    const read = await analyst.http.get(`/exemption-rules/${v1.id}`);
    expect(read.body).toMatchObject({
      version: 3,
      conditions: { organisationKinds: ['study_association'] },
    });
    expect(read.body.versions.map((v: any) => [v.version, v.effect.waivePercent, v.validTo])).toEqual([
      [1, 100, null],
      [2, 50, '2027-12-31'],
      [3, 50, null],
    ]);
    expect(read.body.versions[0]).toEqual(v1);
    const stored = await t.dataSource.query(
      'SELECT version FROM exemption_rule_versions WHERE rule_id = $1 ORDER BY version',
      [v1.id],
    );
    expect(stored.map((r: any) => r.version)).toEqual([1, 2, 3]);

    // An edit that changes nothing writes nothing.
    const same = await staff.http.patch(`/exemption-rules/${v1.id}`, { name: 'Halv pris', validTo: null });
    expect([same.status, same.body.version]).toEqual([200, 3]);
    const list = await staff.http.get('/exemption-rules');
    expect(list.body.items.filter((r: any) => r.id === v1.id).map((r: any) => r.version)).toEqual([3]);
  });

  it('numbers parallel edits one after the other', async () => {
    const rule = (await staff.http.post('/exemption-rules', { ...RULE, name: 'Parallell' })).body;
    const edits = await Promise.all(
      [10, 20, 30, 40, 50].map((waivePercent) =>
        staff.http.patch(`/exemption-rules/${rule.id}`, { effect: { waivePercent } }),
      ),
    );
    expect(edits.map((e) => e.status)).toEqual([200, 200, 200, 200, 200]);
    expect(edits.map((e) => e.body.version).sort()).toEqual([2, 3, 4, 5, 6]);
  });

  it('filters the list by the date rules are valid on, in rank order', async () => {
    const name = 'Gyldighet';
    const early = (
      await staff.http.post('/exemption-rules', {
        ...RULE,
        name,
        priority: -5,
        validFrom: '2030-01-01',
        validTo: '2030-06-30',
      })
    ).body;
    const late = (
      await staff.http.post('/exemption-rules', { ...RULE, name, priority: -3, validFrom: '2030-07-01' })
    ).body;
    const on = async (validOn: string) =>
      (await staff.http.get('/exemption-rules', { query: { validOn, limit: 500 } })).body.items
        .filter((r: any) => r.name === name)
        .map((r: any) => r.id);
    expect(await on('2029-12-31')).toEqual([]);
    expect(await on('2030-01-01')).toEqual([early.id]);
    expect(await on('2030-06-30')).toEqual([early.id]);
    expect(await on('2030-07-01')).toEqual([late.id]);
    const all = (await staff.http.get('/exemption-rules', { query: { validOn: '2030-06-30', limit: 500 } }))
      .body;
    const priorities = all.items.map((r: any) => r.priority);
    expect(priorities).toEqual([...priorities].sort((a: number, b: number) => b - a));
    expect(all.total).toBe(all.items.length);
    expect((await staff.http.get('/exemption-rules', { query: { validOn: '2030-02-30' } })).status).toBe(400);
  });

  it('refuses invalid rules and edits with 400, writing nothing', async () => {
    const rule = (await staff.http.post('/exemption-rules', { ...RULE, name: 'Uendret' })).body;
    const count = () => rows('exemption_rule_versions');
    const before = await count();
    const bad: [object, string, RegExp?][] = [
      [{ ...RULE, effect: { waivePercent: 120 } }, 'INVALID_RULE', /waivePercent/],
      [{ ...RULE, effect: { waivePercent: -10 } }, 'INVALID_RULE', /waivePercent/],
      [
        { ...RULE, conditions: { startsNotBefore: '18:00', endsNotAfter: '17:00' } },
        'INVALID_RULE',
        /endsNotAfter/,
      ],
      [{ ...RULE, validTo: '2026-12-31' }, 'VALIDATION_FAILED'],
      [{ ...RULE, validFrom: '1000-01-01' }, 'VALIDATION_FAILED'],
      [{ ...RULE, conditions: { ageGroups: [] } }, 'INVALID_RULE', /ageGroups is empty/],
      [{ ...RULE, conditions: { weekdays: [1, 1] } }, 'INVALID_RULE', /given twice/],
      [{ ...RULE, conditions: { endsNotAfter: '00:00' } }, 'INVALID_RULE', /24:00/],
      [{ ...RULE, conditions: { membersUnder25: 10 } }, 'VALIDATION_FAILED'],
      [{ ...RULE, effect: { waivePercent: 50, amountOre: 100 } }, 'VALIDATION_FAILED'],
      [{ ...RULE, conditions: { organisationKinds: ['club'] } }, 'VALIDATION_FAILED'],
      [{ ...RULE, conditions: { startsNotBefore: null } }, 'VALIDATION_FAILED'],
      [{ ...RULE, conditions: [] }, 'VALIDATION_FAILED'],
      [{ ...RULE, effect: { waivePercent: 50, waives: ['tea'] } }, 'VALIDATION_FAILED'],
      [{ ...RULE, validFrom: '2027-02-30' }, 'VALIDATION_FAILED'],
      [{ ...RULE, priority: 1.5 }, 'VALIDATION_FAILED'],
      [{ ...RULE, priority: 2 ** 40 }, 'VALIDATION_FAILED'],
    ];
    for (const [body, code, problem] of bad) {
      const res = await staff.http.post('/exemption-rules', body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code });
      if (problem) expect(res.body.details.problems).toContainEqual(expect.stringMatching(problem));
    }
    const badEdits: [object, string][] = [
      [{ validTo: '2026-06-30' }, 'INVALID_RULE'],
      [{ validFrom: null }, 'INVALID_RULE'],
      [{ effect: { waivePercent: 101 } }, 'INVALID_RULE'],
      [{ conditions: { roomKinds: [] } }, 'INVALID_RULE'],
      [{ conditions: { colour: 'red' } }, 'VALIDATION_FAILED'],
      [{ name: '' }, 'VALIDATION_FAILED'],
      [{}, 'VALIDATION_FAILED'],
    ];
    for (const [body, code] of badEdits) {
      const res = await staff.http.patch(`/exemption-rules/${rule.id}`, body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code });
    }
    expect(await count()).toBe(before);
    expect((await staff.http.get(`/exemption-rules/${rule.id}`)).body.version).toBe(1);
    const missing = await staff.http.patch('/exemption-rules/00000000-0000-4000-8000-000000000000', {
      priority: 1,
    });
    expect([missing.status, missing.body.code]).toEqual([404, 'NOT_FOUND']);
    expect((await staff.http.get('/exemption-rules/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

import { INestApplicationContext } from '@nestjs/common';
import { Renderer } from '../src/notifications/renderer';
import { RegisterChecks } from '../src/organisations/register/register-checks';
import { startApp, startWorker, TestApp, TestUser } from './support/test-app';
import { orgNumber } from './support/world';

const countOrgs = async (t: TestApp, nr: string): Promise<number> =>
  (await t.dataSource.query(`SELECT count(*)::int AS n FROM organisations WHERE org_number = $1`, [nr]))[0].n;

describe('Enhetsregisteret: lookups and registering', () => {
  let t: TestApp;
  let applicant: TestUser;

  beforeAll(async () => {
    t = await startApp();
    applicant = await t.createUser(['applicant']);
  });
  afterAll(() => t.close());

  it("looks a number up: the register's facts and the kind its organisation form suggests", async () => {
    const res = await applicant.http.get('/organisations/lookup/974 760 673');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      orgNumber: '974760673',
      name: 'REGISTERENHETEN I BRØNNØYSUND',
      organisationForm: 'ORGL',
      municipalityNumber: '1813',
      inFrivillighetsregisteret: false,
      website: 'https://www.brreg.no',
      deleted: false,
      bankrupt: false,
      windingUp: false,
      suggestedKind: 'public',
    });
    const club = (await applicant.http.get('/organisations/lookup/993000019')).body;
    expect(club).toMatchObject({
      name: 'NORDBY SJAKKLUBB',
      municipalityNumber: '3218',
      suggestedKind: 'voluntary',
    });
    expect((await applicant.http.get('/organisations/lookup/993000027')).body.municipalityNumber).toBe(
      '3207',
    );
    expect((await applicant.http.get('/organisations/lookup/993000035')).body).toMatchObject({
      bankrupt: true,
      suggestedKind: 'commercial',
    });
    expect((await applicant.http.get('/organisations/lookup/993000051')).body.windingUp).toBe(true);
  });

  it('answers 400 for a bad check digit, 404 for a number the register does not know, 410 for a deleted unit', async () => {
    const bad = await applicant.http.get('/organisations/lookup/974760672');
    expect([bad.status, bad.body.code]).toEqual([400, 'INVALID_ORG_NUMBER']);
    const unknown = await applicant.http.get(`/organisations/lookup/${orgNumber()}`);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_IN_REGISTER']);
    const deleted = await applicant.http.get('/organisations/lookup/993000043');
    expect([deleted.status, deleted.body.code, deleted.body.details]).toEqual([
      410,
      'DELETED_IN_REGISTER',
      { orgNumber: '993000043', deleted: true, deletedOn: '2023-05-11' },
    ]);
    expect((await t.http.get('/organisations/lookup/974760673')).status).toBe(401);
  });

  it('caches answers, a 404 too, in PostgreSQL: asking again does not call the register', async () => {
    const unknown = orgNumber();
    await applicant.http.get(`/organisations/lookup/${unknown}`);
    await applicant.http.get('/organisations/lookup/993000019');
    const calls = t.register.calls.length;
    expect((await applicant.http.get(`/organisations/lookup/${unknown}`)).status).toBe(404);
    expect((await applicant.http.get('/organisations/lookup/993000019')).status).toBe(200);
    expect(t.register.calls.length).toBe(calls);
    const rows = await t.dataSource.query(
      `SELECT org_number, http_status, body->>'navn' AS navn FROM register_lookups WHERE org_number = ANY($1) ORDER BY http_status`,
      [[unknown, '993000019']],
    );
    expect(rows).toEqual([
      { org_number: '993000019', http_status: 200, navn: 'NORDBY SJAKKLUBB' },
      { org_number: unknown, http_status: 404, navn: null },
    ]);
  });

  it("registers with the register's name, municipality, flag and suggested kind, marked checked", async () => {
    const res = await applicant.http.post('/organisations', {
      orgNumber: '993000019',
      email: 'post@nordbysjakk.no',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'NORDBY SJAKKLUBB',
      kind: 'voluntary',
      inFrivillighetsregisteret: true,
      municipalityNumber: '3218',
      local: true,
      website: 'https://www.nordbysjakk.no',
      registerStatus: 'checked',
    });
    expect(res.body.registerCheckedAt).toMatch(/\+0[12]:00$/);
  });

  it('keeps a claimed name that differs only in case, and refuses claims the register contradicts', async () => {
    const nr = orgNumber();
    t.register.know(nr, {
      name: 'Follo Turlag',
      municipalityNumber: '3207',
      inFrivillighetsregisteret: false,
    });
    const claims = { orgNumber: nr, email: 'post@turlag.no', kind: 'voluntary' };
    const wrong = await applicant.http.post('/organisations', {
      ...claims,
      name: 'Ås turlag',
      inFrivillighetsregisteret: true,
      municipalityNumber: '3218',
    });
    expect(wrong.status).toBe(409);
    expect(wrong.body.code).toBe('REGISTER_MISMATCH');
    expect(wrong.body.details).toEqual([
      { field: 'name', claimed: 'Ås turlag', register: 'FOLLO TURLAG' },
      { field: 'inFrivillighetsregisteret', claimed: true, register: false },
      { field: 'municipalityNumber', claimed: '3218', register: '3207' },
    ]);
    expect(await countOrgs(t, nr)).toBe(0);

    const company = orgNumber();
    t.register.know(company, { name: 'Follo Event AS', organisationForm: 'AS' });
    const cheap = await applicant.http.post('/organisations', {
      orgNumber: company,
      email: 'a@b.no',
      kind: 'sports',
    });
    expect([cheap.status, cheap.body.details]).toEqual([
      409,
      [{ field: 'kind', claimed: 'sports', register: 'AS' }],
    ]);

    const ok = await applicant.http.post('/organisations', { ...claims, name: 'Follo turlag' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ name: 'Follo turlag', municipalityNumber: '3207', local: false });
  });

  it('refuses numbers the register does not know, bankrupt units and deleted ones, writing nothing', async () => {
    const unknown = orgNumber();
    const cases: [string, number, string][] = [
      [unknown, 404, 'NOT_IN_REGISTER'],
      ['993000035', 409, 'BANKRUPT_IN_REGISTER'],
      ['993000043', 410, 'DELETED_IN_REGISTER'],
    ];
    for (const [nr, status, code] of cases) {
      const res = await applicant.http.post('/organisations', {
        orgNumber: nr,
        name: 'Noe',
        kind: 'voluntary',
        inFrivillighetsregisteret: true,
        email: 'x@y.no',
      });
      expect({ nr, status: res.status, code: res.body.code }).toEqual({ nr, status, code });
      expect(await countOrgs(t, nr)).toBe(0);
    }
    const other = orgNumber();
    t.register.know(other, { name: 'Uten form', organisationForm: 'SA' });
    const noKind = await applicant.http.post('/organisations', { orgNumber: other, email: 'x@y.no' });
    expect([noKind.status, noKind.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});

describe('Enhetsregisteret down, and the worker checking later', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let applicant: TestUser;
  let staff: TestUser;
  const claims = (nr: string) => ({
    orgNumber: nr,
    name: 'Ås sjakklubb',
    kind: 'voluntary',
    inFrivillighetsregisteret: true,
    municipalityNumber: '3218',
    email: 'post@sjakk.no',
  });

  beforeAll(async () => {
    t = await startApp({ env: { BRREG_TIMEOUT_MS: '300' } });
    worker = await startWorker(t.config);
    applicant = await t.createUser(['applicant']);
    staff = await t.as('staff');
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  it('stores the claims unchecked when the register stalls, staff see the mark, the breaker then stops calling', async () => {
    const [a, b, c, d] = [orgNumber(), orgNumber(), orgNumber(), orgNumber()];
    for (const nr of [a, b, c, d]) t.register.stall(nr);
    const started = Date.now();
    const res = await applicant.http.post('/organisations', claims(a));
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Ås sjakklubb',
      registerStatus: 'unchecked',
      registerCheckedAt: null,
    });

    const incomplete = await applicant.http.post('/organisations', { orgNumber: b, email: 'x@y.no' });
    expect([incomplete.status, incomplete.body.code]).toEqual([503, 'REGISTER_UNAVAILABLE']);
    expect((await applicant.http.get(`/organisations/lookup/${c}`)).status).toBe(503);

    // Three timeouts in a row: the register is left alone, and the answer comes at once.
    const calls = t.register.calls.length;
    const quick = Date.now();
    const skipped = await applicant.http.get(`/organisations/lookup/${d}`);
    expect([skipped.status, skipped.body.code]).toEqual([503, 'REGISTER_UNAVAILABLE']);
    expect(Date.now() - quick).toBeLessThan(300);
    expect(t.register.calls.length).toBe(calls);

    const unchecked = await staff.http.get('/organisations', { query: { registerStatus: 'unchecked' } });
    expect(unchecked.body.items.map((o: any) => [o.orgNumber, o.registerStatus])).toEqual([[a, 'unchecked']]);
  });

  it("the worker's check stores the register's facts and tells staff what the claims got wrong", async () => {
    const nr = (await staff.http.get('/organisations', { query: { registerStatus: 'unchecked' } })).body
      .items[0].orgNumber;
    t.register.unstall(nr);
    t.register.know(nr, {
      name: 'Ås sjakk og bridge',
      municipalityNumber: '3218',
      inFrivillighetsregisteret: false,
    });

    const run = await worker.get(RegisterChecks).checkUnchecked({});
    expect(run).toEqual({ checked: 1, changed: 1, unavailable: false });
    const org = (await staff.http.get('/organisations', { query: { registerStatus: 'checked' } })).body
      .items[0];
    expect(org).toMatchObject({
      name: 'ÅS SJAKK OG BRIDGE',
      inFrivillighetsregisteret: false,
      registerStatus: 'checked',
    });

    const mails = await t.dataSource.query(
      `SELECT to_email, data FROM outbox_messages WHERE kind = 'register_changed' AND data->>'orgNumber' = $1`,
      [nr],
    );
    expect(mails.map((m: any) => m.to_email)).toEqual([staff.user.email]);
    expect(mails[0].data.changes).toEqual([
      { change: 'left_frivillighetsregisteret' },
      { change: 'renamed', from: 'Ås sjakklubb', to: 'ÅS SJAKK OG BRIDGE' },
    ]);
    const text = worker.get(Renderer).render('register_changed', 'nb', mails[0].data).text;
    expect(text).toContain('står ikke lenger i Frivillighetsregisteret');
    expect((await worker.get(RegisterChecks).checkUnchecked({})).checked).toBe(0);
  });
});

describe('the nightly check of verified organisations', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let applicant: TestUser;
  let staff: TestUser;

  beforeAll(async () => {
    t = await startApp();
    worker = await startWorker(t.config);
    applicant = await t.createUser(['applicant']);
    staff = await t.as('staff');
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  it('the nightly check reads verified organisations afresh and tells staff of changes that affect fees, once', async () => {
    const nr = orgNumber();
    t.register.know(nr, { name: 'Ås IL', municipalityNumber: '3218', inFrivillighetsregisteret: true });
    const org = (
      await applicant.http.post('/organisations', { orgNumber: nr, kind: 'sports', email: 'post@asil.no' })
    ).body;
    expect(org.registerStatus).toBe('checked');
    await staff.http.post(`/organisations/${org.id}/verify`);

    t.register.know(nr, {
      name: 'Ås IL',
      municipalityNumber: '3207',
      inFrivillighetsregisteret: false,
      bankrupt: true,
    });
    const calls = t.register.calls.length;
    const run = await worker.get(RegisterChecks).recheckVerified({});
    expect(run.unavailable).toBe(false);
    expect(t.register.calls.slice(calls)).toContain(nr); // afresh, not from the day's cache
    const after = (await staff.http.get(`/organisations/${org.id}`)).body;
    expect(after).toMatchObject({
      inFrivillighetsregisteret: false,
      municipalityNumber: '3207',
      local: false,
    });
    // Its history says what the register changed, by no one, and it stays verified; staff see it as changed since.
    const [event] = (await staff.http.get(`/organisations/${org.id}/history`)).body.items;
    expect(event).toMatchObject({
      kind: 'updated',
      actorId: null,
      byStaff: false,
      unverified: false,
      changes: {
        inFrivillighetsregisteret: { from: true, to: false },
        municipalityNumber: { from: '3218', to: '3207' },
      },
    });
    expect(after).toMatchObject({ status: 'verified', changesSinceVerification: event.changes });

    const changes = async () =>
      (
        await t.dataSource.query(
          `SELECT data->'changes' AS changes FROM outbox_messages WHERE kind = 'register_changed' AND data->>'orgNumber' = $1 ORDER BY created_at`,
          [nr],
        )
      ).map((r: any) => r.changes);
    expect(await changes()).toEqual([
      [
        { change: 'bankrupt' },
        { change: 'left_frivillighetsregisteret' },
        { change: 'moved', from: '3218', to: '3207' },
      ],
    ]);
    await worker.get(RegisterChecks).recheckVerified({});
    expect(await changes()).toHaveLength(1);

    t.register.know(nr, { name: 'Ås IL', deletedOn: '2027-01-05' });
    await worker.get(RegisterChecks).recheckVerified({});
    expect((await changes())[1]).toEqual([{ change: 'deleted' }]);
  });
});

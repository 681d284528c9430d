import { startApp, TestApp, TestUser } from './support/test-app';
import { addContact } from './support/world';

const ORG = {
  orgNumber: '974760673',
  name: 'Ås IL',
  kind: 'sports',
  inFrivillighetsregisteret: true,
  municipalityNumber: '3218',
  email: 'post@asil.no',
  phone: '+4764000000',
  website: 'https://asil.no',
  description: 'Fotball, håndball og ski for alle aldre',
  membersTotal: 800,
  membersUnder25: 500,
};

describe('the organisation register', () => {
  let t: TestApp;
  let applicant: TestUser;
  let other: TestUser;
  let staff: TestUser;

  beforeAll(async () => {
    t = await startApp();
    // The test register holds these numbers as the organisations the tests claim.
    t.register.know('974760673', { name: 'Ås IL', municipalityNumber: '3218' });
    t.register.know('111111111', { name: 'Ås sjakklubb', municipalityNumber: '3218' });
    applicant = await t.createUser(['applicant'], { name: 'Kari Leder', phone: '+4791111111' });
    other = await t.createUser(['applicant']);
    staff = await t.as('staff');
  });
  afterAll(() => t.close());

  it('registers an organisation as pending, with the caller as its contact, and staff verify it', async () => {
    const res = await applicant.http.post('/organisations', { ...ORG, orgNumber: '974 760 673' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      orgNumber: '974760673',
      status: 'pending',
      local: true,
      verifiedAt: null,
    });
    expect(res.body.contacts).toEqual([
      {
        userId: applicant.user.id,
        name: 'Kari Leder',
        email: applicant.user.email,
        phone: '+4791111111',
        emailConfirmed: false,
      },
    ]);
    const me = await applicant.http.get('/auth/me');
    expect(me.body.organisationIds).toEqual([res.body.id]);

    expect((await applicant.http.post(`/organisations/${res.body.id}/verify`)).status).toBe(403);
    const verified = await staff.http.post(`/organisations/${res.body.id}/verify`);
    expect(verified.status).toBe(200);
    expect(verified.body.status).toBe('verified');
    expect(verified.body.verifiedAt).toMatch(/\+0[12]:00$/);
  });

  it('refuses an organisation number that fails the MOD11 check, and one registered already', async () => {
    for (const orgNumber of ['974760672', '12345678', 'abcdefghi', '123456700']) {
      const res = await applicant.http.post('/organisations', { ...ORG, orgNumber });
      expect({ orgNumber, status: res.status, code: res.body.code }).toEqual({
        orgNumber,
        status: 400,
        code: 'INVALID_ORG_NUMBER',
      });
    }
    const taken = await other.http.post('/organisations', { ...ORG, name: 'Kopi' });
    expect([taken.status, taken.body.code]).toEqual([409, 'ORG_NUMBER_TAKEN']);
  });

  it('checks municipality numbers and member counts', async () => {
    const base = { ...ORG, orgNumber: '987654325' };
    expect((await applicant.http.post('/organisations', { ...base, municipalityNumber: '321' })).status).toBe(
      400,
    );
    const members = await applicant.http.post('/organisations', {
      ...base,
      membersTotal: 10,
      membersUnder25: 11,
    });
    expect([members.status, members.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await applicant.http.post('/organisations', { ...base, kind: 'club' })).status).toBe(400);
    expect(
      (await applicant.http.post('/organisations', { ...base, website: 'javascript:alert(1)' })).status,
    ).toBe(400);
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int FROM organisations WHERE org_number = '987654325'`,
    );
    expect(count).toBe(0);
  });

  it("scopes reading: staff see all, an applicant its own, someone else's answers 404", async () => {
    const mine = (
      await other.http.post('/organisations', {
        ...ORG,
        orgNumber: '111111111',
        name: 'Ås sjakklubb',
        kind: 'voluntary',
      })
    ).body;
    const list = await other.http.get('/organisations');
    expect(list.body.items.map((o: any) => o.id)).toEqual([mine.id]);
    const all = await staff.http.get('/organisations');
    expect(all.body.total).toBeGreaterThanOrEqual(2);
    expect(
      (await staff.http.get('/organisations', { query: { status: 'pending' } })).body.items.map(
        (o: any) => o.id,
      ),
    ).toContain(mine.id);

    // By name only: the same list and scope, each just {id, name}.
    const names = await other.http.get('/organisations/names');
    expect(names.status).toBe(200);
    expect(names.body).toEqual({ items: [{ id: mine.id, name: 'Ås sjakklubb' }], total: 1 });
    const staffNames = await staff.http.get('/organisations/names', { query: { status: 'pending' } });
    const full = await staff.http.get('/organisations', { query: { status: 'pending' } });
    expect(staffNames.body.items).toEqual(full.body.items.map((o: any) => ({ id: o.id, name: o.name })));
    expect(staffNames.body.total).toBe(full.body.total);
    const bad = await staff.http.get('/organisations/names', { query: { status: 'nope' } });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);

    const theirs = (await applicant.http.get('/organisations')).body.items[0];
    expect((await other.http.get(`/organisations/${theirs.id}`)).status).toBe(404);
    expect((await other.http.patch(`/organisations/${theirs.id}`, { name: 'Kapret' })).status).toBe(404);
    expect((await staff.http.get(`/organisations/${theirs.id}`)).status).toBe(200);
  });

  it('has no route that adds a contact at once, and lets a contact edit the organisation', async () => {
    const org = (await applicant.http.get('/organisations')).body.items[0];
    const kasserer = await t.createUser(['applicant'], { email: 'kasserer@asil.no' });
    const gone = await applicant.http.post(`/organisations/${org.id}/members`, { email: 'kasserer@asil.no' });
    expect(gone.status).toBe(404);
    expect((await kasserer.http.get(`/organisations/${org.id}`)).status).toBe(404);
    await addContact(t, org.id, kasserer.user.id);

    const edited = await kasserer.http.patch(`/organisations/${org.id}`, {
      description: 'Idrett for alle',
      membersUnder25: 600,
    });
    expect(edited.body).toMatchObject({ description: 'Idrett for alle', membersUnder25: 600 });
    const tooMany = await kasserer.http.patch(`/organisations/${org.id}`, { membersUnder25: 900 });
    expect(tooMany.status).toBe(400);
    expect((await kasserer.http.patch(`/organisations/${org.id}`, { name: null })).status).toBe(400);
  });

  it('lists verified organisations publicly with public fields only', async () => {
    const res = await t.http.get('/public/organisations');
    expect(res.status).toBe(200);
    expect(res.body.items.map((o: any) => o.name)).toEqual(['Ås IL']);
    expect(Object.keys(res.body.items[0]).sort()).toEqual(
      ['description', 'id', 'kind', 'municipalityNumber', 'name', 'website'].sort(),
    );
    const text = res.text;
    expect(text).not.toContain('post@asil.no');
    expect(text).not.toContain('+4764000000');
    expect(text).not.toContain('Kari Leder');
  });
});

describe('caretakers and their buildings', () => {
  it('assigns caretakers to buildings on creation and lets admins change it', async () => {
    const t = await startApp();
    try {
      const admin = await t.as('admin');
      const staff = await t.as('staff');
      const b1 = (await staff.http.post('/buildings', { name: 'Solberg skole', kind: 'school' })).body;
      const b2 = (await staff.http.post('/buildings', { name: 'Kroer skole', kind: 'school' })).body;
      const created = await admin.http.post('/users', {
        email: 'vakt@as.kommune.no',
        name: 'Vakt',
        password: 'password-1',
        roles: ['caretaker'],
        buildingIds: [b1.id],
      });
      expect(created.status).toBe(201);
      expect(created.body.buildingIds).toEqual([b1.id]);
      const moved = await admin.http.patch(`/users/${created.body.id}`, {
        buildingIds: [b1.id, b2.id].sort(),
      });
      expect(moved.body.buildingIds).toEqual([b1.id, b2.id].sort());

      const notCaretaker = await admin.http.post('/users', {
        email: 'x@as.kommune.no',
        name: 'X',
        password: 'password-1',
        roles: ['staff'],
        buildingIds: [b1.id],
      });
      expect(notCaretaker.status).toBe(400);
      const unknown = await admin.http.post('/users', {
        email: 'y@as.kommune.no',
        name: 'Y',
        password: 'password-1',
        roles: ['caretaker'],
        buildingIds: ['00000000-0000-4000-8000-000000000000'],
      });
      expect(unknown.status).toBe(404);
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int FROM users WHERE email IN ('x@as.kommune.no', 'y@as.kommune.no')`,
      );
      expect(count).toBe(0);
      expect((await staff.http.patch(`/users/${created.body.id}`, { buildingIds: [] })).status).toBe(403);
    } finally {
      await t.close();
    }
  });
});

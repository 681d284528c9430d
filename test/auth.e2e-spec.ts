import { startApp, TestApp } from './support/test-app';

describe('auth and roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('registers an applicant, signs in and tells who it is', async () => {
    const reg = await t.http.post('/auth/register', {
      email: '  Kari@Ask-IL.no ',
      name: 'Kari Nordmann',
      password: 'secret-passord',
    });
    expect(reg.status).toBe(201);
    expect(reg.body).toMatchObject({ email: 'kari@ask-il.no', roles: ['applicant'] });
    expect(reg.body.passwordHash).toBeUndefined();

    const login = await t.http.post('/auth/login', { email: 'kari@ask-il.no', password: 'secret-passord' });
    expect(login.status).toBe(200);
    expect(typeof login.body.accessToken).toBe('string');
    expect(login.body.user).toMatchObject({ email: 'kari@ask-il.no', organisationIds: [], buildingIds: [] });

    const me = await t.http.get('/auth/me', { token: login.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: reg.body.id, roles: ['applicant'] });

    const hash = await t.dataSource.query('SELECT password_hash FROM users WHERE id = $1', [reg.body.id]);
    expect(hash[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a second user with the same e-mail, whatever its case', async () => {
    await t.http.post('/auth/register', { email: 'dup@x.no', name: 'A', password: 'password-1' });
    const again = await t.http.post('/auth/register', {
      email: 'DUP@x.no',
      name: 'B',
      password: 'password-2',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EMAIL_TAKEN');
  });

  it('answers 401 INVALID_CREDENTIALS to a wrong password and to an unknown e-mail alike', async () => {
    await t.http.post('/auth/register', { email: 'wrong@x.no', name: 'W', password: 'right-password' });
    const wrong = await t.http.post('/auth/login', { email: 'wrong@x.no', password: 'not-it' });
    const unknown = await t.http.post('/auth/login', { email: 'nobody@x.no', password: 'not-it' });
    expect([wrong.status, wrong.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);
    expect([unknown.status, unknown.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);
  });

  it('needs a signed-in user on every route not marked public', async () => {
    const anonymous = await t.http.get('/auth/me');
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    const garbage = await t.http.get('/auth/me', { token: 'not.a.token' });
    expect(garbage.status).toBe(401);
    const forged = await t.http.get('/auth/me', {
      token:
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDAifQ.' +
        'c2lnbmF0dXJl',
    });
    expect(forged.status).toBe(401);
  });

  it('lets only admins create and list users, with several roles each', async () => {
    const admin = await t.as('admin');
    const staff = await t.as('staff');
    const body = {
      email: 'vakt@as.kommune.no',
      name: 'Vakt',
      password: 'password-1',
      roles: ['caretaker', 'staff'],
    };
    expect((await staff.http.post('/users', body)).status).toBe(403);
    expect((await t.http.post('/users', body)).status).toBe(401);

    const created = await admin.http.post('/users', body);
    expect(created.status).toBe(201);
    expect(created.body.roles).toEqual(['caretaker', 'staff']);

    const list = await admin.http.get('/users', { query: { limit: 2 } });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.total).toBeGreaterThanOrEqual(3);
    expect((await staff.http.get('/users')).body.code).toBe('FORBIDDEN');
  });

  it('refuses unknown roles', async () => {
    const admin = await t.as('admin');
    const res = await admin.http.post('/users', {
      email: 'r@x.no',
      name: 'R',
      password: 'password-1',
      roles: ['root'],
    });
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});

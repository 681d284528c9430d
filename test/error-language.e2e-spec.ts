import { randomUUID } from 'node:crypto';
import { known } from './support/world';
import { startApp, TestApp, TestUser } from './support/test-app';

/** Error answers in bokmål by default, in English when asked, with localised messages per field. */
describe('error messages for people, in bokmål or English', () => {
  let t: TestApp;
  let applicant: TestUser;
  let english: string; // token of a user whose locale is en
  let orgId: string;

  beforeAll(async () => {
    t = await startApp();
    applicant = await t.createUser(['applicant']);
    const reg = await t.http.post('/auth/register', {
      email: 'english@example.no',
      name: 'Emily',
      password: 'secret-password',
      locale: 'en',
    });
    expect(reg.status).toBe(201);
    english = (await t.http.post('/auth/login', { email: 'english@example.no', password: 'secret-password' }))
      .body.accessToken;
    const org = await applicant.http.post('/organisations', {
      orgNumber: known(t, 'Språklaget'),
      name: 'Språklaget',
      kind: 'voluntary',
      inFrivillighetsregisteret: true,
      municipalityNumber: '3218',
      email: 'post@sprak.no',
      membersTotal: 40,
      membersUnder25: 10,
    });
    expect([org.status, org.body.message]).toEqual([201, undefined]);
    orgId = org.body.id;
  });
  afterAll(() => t.close());

  const missingRoom = (options: { language?: string | null; token?: string }) =>
    t.http.get(`/rooms/${randomUUID()}`, options);
  const badRegistration = (options: { language?: string | null; token?: string }) =>
    t.http.post('/auth/register', { email: 42, name: 'A', password: 'password-1', admin: true }, options);

  it('answers a 404 in bokmål when no language is asked for, and says so in Content-Language', async () => {
    const res = await missingRoom({ language: null });
    expect([res.status, res.body.code, res.body.message]).toEqual([404, 'NOT_FOUND', 'Rommet finnes ikke']);
    expect(res.headers.get('content-language')).toBe('nb');
    const other = await missingRoom({ language: 'de-DE, sv;q=0.8' });
    expect(other.body.message).toBe('Rommet finnes ikke');
  });

  it('answers a 404 in English for Accept-Language: en, respecting q-values', async () => {
    const res = await missingRoom({ language: 'nb;q=0.3, en-GB;q=0.9' });
    expect([res.status, res.body.code, res.body.message]).toEqual([404, 'NOT_FOUND', 'Room not found']);
    expect(res.headers.get('content-language')).toBe('en');
    expect((await missingRoom({ language: 'en;q=0.1, nb' })).body.message).toBe('Rommet finnes ikke');
  });

  it('gives a 400 field by field, in bokmål by default', async () => {
    const res = await badRegistration({ language: null });
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(res.headers.get('content-language')).toBe('nb');
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { field: 'email', code: 'isEmail', message: 'email må være en gyldig e-postadresse' },
        { field: 'admin', code: 'whitelistValidation', message: 'Feltet admin er ukjent' },
      ]),
    );
    expect(res.body.message).toContain('email må være en gyldig e-postadresse');
  });

  it('gives the same 400 in English for Accept-Language: en', async () => {
    const res = await badRegistration({ language: 'en' });
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { field: 'email', code: 'isEmail', message: 'email must be an email' },
        { field: 'admin', code: 'whitelistValidation', message: 'property admin should not exist' },
      ]),
    );
    expect(res.headers.get('content-language')).toBe('en');
  });

  it('fills constraint arguments into the message, on nested fields with their path', async () => {
    const res = await applicant.http.patch(
      `/organisations/${orgId}`,
      { membersTotal: -5 },
      { language: null },
    );
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      { field: 'membersTotal', code: 'min', message: 'membersTotal kan ikke være mindre enn 0' },
    ]);
  });

  it("answers a signed-in user in the user's locale unless Accept-Language says otherwise", async () => {
    const room = await missingRoom({ language: null, token: english });
    expect([room.body.message, room.headers.get('content-language')]).toEqual(['Room not found', 'en']);
    const invalid = await badRegistration({ language: null, token: english });
    expect(invalid.body.details).toContainEqual({
      field: 'email',
      code: 'isEmail',
      message: 'email must be an email',
    });
    const forbidden = await t.http.get('/users', { language: null, token: english });
    expect([forbidden.status, forbidden.body.message]).toEqual([403, expect.stringMatching(/^Only /)]);
    expect((await missingRoom({ language: 'nb', token: english })).body.message).toBe('Rommet finnes ikke');
  });

  describe('unknown fields are unknown, whatever their name', () => {
    const NAMES = ['constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__proto__'];

    it.each(NAMES)('POST /auth/register refuses a field named %s', async (name) => {
      const email = `${name.replace(/_/g, '')}@example.no`;
      const raw = JSON.stringify({ email, name: 'A', password: 'password-1' }).replace(
        /^\{/,
        `{${JSON.stringify(name)}:"x",`,
      );
      const res = await t.http.call('POST', '/auth/register', { raw });
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      const login = await t.http.post('/auth/login', { email, password: 'password-1' });
      expect(login.status).toBe(401);
    });

    it.each(NAMES.slice(0, 4))('PATCH /organisations/:id refuses a field named %s', async (name) => {
      const raw = `{${JSON.stringify(name)}:"x","name":"Endret"}`;
      const res = await applicant.http.call('PATCH', `/organisations/${orgId}`, { raw });
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.details).toEqual([
        { field: name, code: 'whitelistValidation', message: `property ${name} should not exist` },
      ]);
      expect((await applicant.http.get(`/organisations/${orgId}`)).body.name).toBe('Språklaget');
    });

    it('refuses such a field nested in a body, naming its path', async () => {
      const res = await applicant.http.call('PATCH', `/organisations/${orgId}`, {
        raw: '{"name":"Endret","contact":{"toString":1}}',
      });
      expect(res.status).toBe(400);
      expect(res.body.details).toContainEqual(expect.objectContaining({ field: 'contact.toString' }));
    });
  });
});

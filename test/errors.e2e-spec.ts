import { startApp, TestApp } from './support/test-app';

describe('errors answer one shape and never 500 for a client mistake', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  const shape = (body: any, status: number, code: string): void => {
    expect(body).toEqual(expect.objectContaining({ statusCode: status, code, message: expect.any(String) }));
  };

  it('answers an unknown route with 404 NOT_FOUND in the error shape', async () => {
    const res = await t.http.get('/no/such/route');
    expect(res.status).toBe(404);
    shape(res.body, 404, 'NOT_FOUND');
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await t.http.call('POST', '/auth/login', { raw: '{"email": "a@b.no",' });
    expect(res.status).toBe(400);
    shape(res.body, 400, 'MALFORMED_JSON');
  });

  it('answers a body of another content type with 415', async () => {
    const res = await t.http.call('POST', '/auth/login', { raw: 'email=a@b.no', contentType: 'text/plain' });
    shape(res.body, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const form = await t.http.call('POST', '/auth/register', {
      raw: 'email=a@b.no&name=x&password=12345678',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
  });

  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await t.http.post('/auth/register', {
      email: 'a@b.no',
      name: 'x'.repeat(400_000),
      password: 'x',
    });
    expect(res.status).toBe(413);
    shape(res.body, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('refuses unknown fields and wrong types with details per field', async () => {
    const res = await t.http.post('/auth/register', {
      email: 42,
      name: 'A',
      password: 'password-1',
      admin: true,
    });
    expect(res.status).toBe(400);
    shape(res.body, 400, 'VALIDATION_FAILED');
    const fields = (res.body.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['admin', 'email']);
  });

  it('answers a body that is JSON but not an object with 400', async () => {
    for (const raw of ['[]', '"text"', '12', 'null', 'true']) {
      const res = await t.http.call('POST', '/auth/register', { raw });
      expect(res.status).toBe(400);
    }
  });

  it('answers a malformed id in a path with 400 INVALID_ID', async () => {
    const staff = await t.as('staff');
    const res = await staff.http.get('/jobs/not-a-uuid');
    shape(res.body, 400, 'INVALID_ID');
  });

  it('gives every answer a request id, and keeps a sane one the caller sent', async () => {
    const mine = await t.http.get('/health', { headers: { 'x-request-id': 'abc-123' } });
    expect(mine.headers.get('x-request-id')).toBe('abc-123');
    const odd = await t.http.get('/health', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

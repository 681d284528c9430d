import { PassThrough } from 'node:stream';
import { eventually, startApp, TestApp } from './support/test-app';

describe('logs', () => {
  let t: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    t = await startApp({ env: { LOG_LEVEL: 'info' }, logDestination: stream });
  });
  afterAll(() => t.close());

  it('are JSON with a request id per request, and carry no password, token or e-mail address', async () => {
    const email = 'private.person@example.no';
    const password = 'very-secret-password';
    await t.http.post('/auth/register', { email, name: 'Private Person', password });
    const login = await t.http.post('/auth/login', { email, password });
    const token = login.body.accessToken as string;
    await t.http.get('/auth/me', { token, headers: { 'x-request-id': 'trace-me-1' } });
    await t.http.post('/auth/login', { email, password: 'wrong-password' });
    await t.http.get(`/users?email=${encodeURIComponent(email)}`, { token });
    // a request is logged when its answer has gone, which may be just after the client has it
    const requests = await eventually(async () => {
      const logged = lines.map((l) => JSON.parse(l)).filter((e) => e.req);
      return logged.length >= 5 ? logged : undefined;
    });
    for (const e of requests) expect(e.req.id).toEqual(expect.any(String));
    expect(new Set(requests.map((e) => e.req.id)).size).toBe(requests.length);
    expect(requests.some((e) => e.req.id === 'trace-me-1')).toBe(true);

    const all = lines.join('\n');
    expect(all).not.toContain(email);
    expect(all).not.toContain(password);
    expect(all).not.toContain(token);
    expect(all).not.toContain('wrong-password');
  });
});

import jwt from 'jsonwebtoken';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { INestApplicationContext } from '@nestjs/common';
import { SessionsService } from '../src/auth/sessions.service';
import { eventually, startApp, startWorker, TestApp } from './support/test-app';
import { known } from './support/world';

const PASSWORD = 'korrekt-hest-batteri';
const OWN_ORIGIN = 'http://localhost:3000'; // PUBLIC_URL's default

describe('the browser session', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  const signUp = async (email: string) => {
    const reg = await t.http.post('/auth/register', { email, name: 'Nettleser Bruker', password: PASSWORD });
    expect(reg.status).toBe(201);
    return reg.body as { id: string };
  };

  const openSession = async (email: string) => {
    const res = await t.http.post('/auth/session', { email, password: PASSWORD });
    expect(res.status).toBe(200);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('frirom_session='));
    expect(setCookie).toBeDefined();
    return { res, setCookie: setCookie!, cookie: setCookie!.split(';')[0] };
  };

  it('sets an httpOnly, SameSite=Lax cookie on / and answers the user without a token', async () => {
    await signUp('browser@x.no');
    const { res, setCookie, cookie } = await openSession('browser@x.no');
    expect(res.body.user).toMatchObject({ email: 'browser@x.no', roles: ['applicant'] });
    expect(res.body.accessToken).toBeUndefined();
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; SameSite=Lax/i);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).not.toMatch(/; Secure/i); // PUBLIC_URL is http here
    const me = await t.http.get('/auth/me', { headers: { cookie } });
    expect([me.status, me.body.email]).toEqual([200, 'browser@x.no']);
  });

  it('refuses a change riding on the cookie from another origin (403, nothing written), accepts its own', async () => {
    await signUp('csrf@x.no');
    const { cookie } = await openSession('csrf@x.no');
    const body = (name: string) => ({
      orgNumber: known(t, name),
      name,
      kind: 'sports',
      inFrivillighetsregisteret: true,
      municipalityNumber: '3218',
      email: 'post@klubb.no',
    });
    const foreign: Record<string, string>[] = [
      { cookie, origin: 'https://evil.example' },
      { cookie, 'sec-fetch-site': 'cross-site' },
      { cookie, 'sec-fetch-site': 'same-site', origin: 'http://app.localhost:3000' },
      { cookie }, // neither header: not a browser on our page
    ];
    for (const headers of foreign) {
      const res = await t.http.post('/organisations', body('Forfalsket lag'), { headers });
      expect([res.status, res.body.code]).toEqual([403, 'CROSS_SITE_REQUEST']);
      const logout = await t.http.post('/auth/logout', undefined, { headers });
      expect(logout.status).toBe(403);
    }
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM organisations WHERE name = $1`, [
      'Forfalsket lag',
    ]);
    expect(n).toBe(0);
    // Reading is fine from anywhere, and the session survived the forged logouts.
    expect(
      (await t.http.get('/auth/me', { headers: { cookie, origin: 'https://evil.example' } })).status,
    ).toBe(200);

    const byOrigin = await t.http.post('/organisations', body('Eget lag'), {
      headers: { cookie, origin: OWN_ORIGIN },
    });
    expect(byOrigin.status).toBe(201);
    const byFetchSite = await t.http.post('/organisations', body('Eget lag 2'), {
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
    });
    expect(byFetchSite.status).toBe(201);
  });

  it('leaves bearer clients alone whatever their Origin', async () => {
    const applicant = await t.as('applicant');
    const res = await applicant.http.post('/auth/logout', undefined, {
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(204);
  });

  it('ends with DELETE /auth/session: the cookie is cleared and stops working', async () => {
    await signUp('bye@x.no');
    const { cookie } = await openSession('bye@x.no');
    const res = await t.http.delete('/auth/session', { headers: { cookie, origin: OWN_ORIGIN } });
    // A password session has no provider session to end: the browser goes to the front page.
    expect([res.status, res.body]).toEqual([200, { next: '/' }]);
    expect(res.headers.getSetCookie().join()).toMatch(/frirom_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await t.http.get('/auth/me', { headers: { cookie } })).status).toBe(401);
  });
});

describe('sessions that end', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  beforeAll(async () => {
    t = await startApp();
    worker = await startWorker(t.config);
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  const signUp = async (email: string) => {
    const reg = await t.http.post('/auth/register', { email, name: 'Økt Bruker', password: PASSWORD });
    expect(reg.status).toBe(201);
    return reg.body as { id: string };
  };
  const login = async (email: string, password = PASSWORD): Promise<string> => {
    const res = await t.http.post('/auth/login', { email, password });
    expect(res.status).toBe(200);
    return res.body.accessToken;
  };
  const meStatus = async (token: string) => (await t.http.get('/auth/me', { token })).status;

  it('POST /auth/logout revokes the token it is called with, and only that one', async () => {
    await signUp('logout@x.no');
    const [a, b] = [await login('logout@x.no'), await login('logout@x.no')];
    expect((await t.http.post('/auth/logout', undefined, { token: a })).status).toBe(204);
    expect(await meStatus(a)).toBe(401);
    expect(await meStatus(b)).toBe(200);
  });

  it('POST /auth/password changes the password and ends every other token of the user', async () => {
    await signUp('change@x.no');
    const [current, other] = [await login('change@x.no'), await login('change@x.no')];
    const wrong = await t.http.post(
      '/auth/password',
      { currentPassword: 'not-the-password', newPassword: 'et-helt-nytt-passord' },
      { token: current },
    );
    expect([wrong.status, wrong.body.code]).toEqual([400, 'WRONG_PASSWORD']);
    expect(await meStatus(other)).toBe(200);

    const res = await t.http.post(
      '/auth/password',
      { currentPassword: PASSWORD, newPassword: 'et-helt-nytt-passord' },
      { token: current },
    );
    expect(res.status).toBe(204);
    expect(await meStatus(current)).toBe(200);
    expect(await meStatus(other)).toBe(401);
    expect((await t.http.post('/auth/login', { email: 'change@x.no', password: PASSWORD })).status).toBe(401);
    await login('change@x.no', 'et-helt-nytt-passord');
  });

  it('mails a single-use reset link valid one hour; it sets the password and ends older sessions', async () => {
    const user = await signUp('reset@x.no');
    const before = await login('reset@x.no');
    const unknown = await t.http.post('/auth/password-reset', { email: 'nobody-here@x.no' });
    expect(unknown.status).toBe(202);
    const first = await t.http.post('/auth/password-reset', { email: 'reset@x.no' });
    expect(first.status).toBe(202);
    expect(first.body).toEqual(unknown.body);
    await t.http.post('/auth/password-reset', { email: 'RESET@x.no' });

    const links = await eventually(async () => {
      const files = readdirSync(t.config.mailDir).filter((f) => f.endsWith('.eml'));
      const mails = await Promise.all(
        files.map((f) => simpleParser(readFileSync(join(t.config.mailDir, f)))),
      );
      const found = mails
        .filter((m) => m.to && JSON.stringify(m.to).includes('reset@x.no'))
        .map((m) => /http:\/\/localhost:3000\/glemt-passord\?token=([A-Za-z0-9_-]+)/.exec(m.text ?? '')?.[1])
        .filter(Boolean); // the welcome mail goes to the same address, without a reset link
      return found.length === 2 ? (found as string[]) : undefined;
    });
    const all = readdirSync(t.config.mailDir).map((f) => readFileSync(join(t.config.mailDir, f), 'utf8'));
    expect(all.join()).not.toContain('nobody-here@x.no');

    // Only hashes are stored, valid one hour.
    const rows = await t.dataSource.query(
      `SELECT token_hash, extract(epoch FROM expires_at - created_at)::int AS valid_s FROM password_resets
        WHERE user_id = $1`,
      [user.id],
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.valid_s).toBe(3600);
      expect(links).not.toContain(row.token_hash);
    }
    // Neither the reset table nor the sent mails' outbox rows keep the token.
    const tables = JSON.stringify([
      await t.dataSource.query('SELECT * FROM password_resets'),
      await t.dataSource.query(`SELECT data FROM outbox_messages WHERE status = 'sent'`),
    ]);
    for (const link of links) expect(tables).not.toContain(link);

    const [older, newer] = links;
    const weak = await t.http.post('/auth/password-reset/confirm', { token: newer, password: 'kort' });
    expect([weak.status, weak.body.code]).toEqual([400, 'PASSWORD_TOO_SHORT']);
    const ok = await t.http.post('/auth/password-reset/confirm', {
      token: newer,
      password: 'nytt-fra-lenken-1',
    });
    expect(ok.status).toBe(204);
    expect(await meStatus(before)).toBe(401);
    await login('reset@x.no', 'nytt-fra-lenken-1');

    for (const token of [newer, older, 'made-up-token']) {
      const again = await t.http.post('/auth/password-reset/confirm', {
        token,
        password: 'enda-et-passord-2',
      });
      expect([again.status, again.body.code]).toEqual([400, 'INVALID_RESET_TOKEN']);
    }
  });

  it('refuses a reset link older than an hour', async () => {
    const user = await signUp('late@x.no');
    await t.http.post('/auth/password-reset', { email: 'late@x.no' });
    const link = await eventually(async () => {
      for (const f of readdirSync(t.config.mailDir)) {
        const mail = await simpleParser(readFileSync(join(t.config.mailDir, f)));
        if (!JSON.stringify(mail.to).includes('late@x.no')) continue;
        const token = /glemt-passord\?token=([A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
        if (token) return token;
      }
      return undefined;
    });
    await t.dataSource.query(
      `UPDATE password_resets SET created_at = created_at - interval '61 minutes',
              expires_at = expires_at - interval '61 minutes' WHERE user_id = $1`,
      [user.id],
    );
    const res = await t.http.post('/auth/password-reset/confirm', {
      token: link,
      password: 'for-sent-passord-1',
    });
    expect([res.status, res.body.code]).toEqual([400, 'INVALID_RESET_TOKEN']);
  });

  it('PATCH /users/:id {active:false} ends the user’s tokens and sessions at once; sign-in is refused until restored', async () => {
    const admin = await t.as('admin');
    const user = await signUp('leaver@x.no');
    const token = await login('leaver@x.no');
    const browser = await t.http.post('/auth/session', { email: 'leaver@x.no', password: PASSWORD });
    const cookie = browser.headers.getSetCookie()[0].split(';')[0];

    const off = await admin.http.patch(`/users/${user.id}`, { active: false });
    expect([off.status, off.body.active]).toEqual([200, false]);
    expect(await meStatus(token)).toBe(401);
    expect((await t.http.get('/auth/me', { headers: { cookie } })).status).toBe(401);
    const refused = await t.http.post('/auth/login', { email: 'leaver@x.no', password: PASSWORD });
    expect([refused.status, refused.body.code]).toEqual([403, 'ACCOUNT_DEACTIVATED']);
    const wrong = await t.http.post('/auth/login', { email: 'leaver@x.no', password: 'not-it-at-all' });
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS'); // the state is told only to who knows the password

    const on = await admin.http.patch(`/users/${user.id}`, { active: true });
    expect(on.body.active).toBe(true);
    expect(await meStatus(token)).toBe(401); // ended sessions stay ended
    await login('leaver@x.no');
  });

  it('refuses a token without exp, or older than JWT_TTL, even with a valid signature', async () => {
    const user = await signUp('claims@x.no');
    const { sessionId } = await t.app.get(SessionsService).issue(user.id, 'token');
    const secret = t.config.jwtSecret!;
    const noExp = jwt.sign({ sub: user.id, sid: sessionId }, secret, { algorithm: 'HS256' });
    const twelveHoursAndAMinuteAgo = Math.floor(Date.now() / 1000) - 12 * 3600 - 60;
    const old = jwt.sign({ sub: user.id, sid: sessionId, iat: twelveHoursAndAMinuteAgo }, secret, {
      algorithm: 'HS256',
      expiresIn: '7d',
    });
    const fresh = jwt.sign({ sub: user.id, sid: sessionId }, secret, { algorithm: 'HS256', expiresIn: '1h' });
    const noSid = jwt.sign({ sub: user.id }, secret, { algorithm: 'HS256', expiresIn: '1h' });
    expect(await meStatus(noExp)).toBe(401);
    expect(await meStatus(old)).toBe(401);
    expect(await meStatus(noSid)).toBe(401);
    expect(await meStatus(fresh)).toBe(200);
  });
});

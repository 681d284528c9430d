import { INestApplicationContext } from '@nestjs/common';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { eventually, startApp, startWorker, TestApp } from './support/test-app';

const PASSWORD = 'hemmelig-og-lang-1';
const NEW_PASSWORD = 'enda-mer-hemmelig-2';
const RESET_PASSWORD = 'fra-lenken-sin-3';

describe('the account audit log', () => {
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

  it('records sign-ins, failures, password changes and resets, role changes and deactivations, without secrets', async () => {
    const admin = await t.as('admin');
    const reg = await t.http.post('/auth/register', { email: 'spor@x.no', name: 'Spor', password: PASSWORD });
    const userId: string = reg.body.id;
    const secrets: string[] = [PASSWORD, NEW_PASSWORD, RESET_PASSWORD, 'feil-passord-her'];

    expect(
      (await t.http.post('/auth/login', { email: 'spor@x.no', password: 'feil-passord-her' })).status,
    ).toBe(401);
    await t.http.post('/auth/login', { email: 'ingen-her@x.no', password: 'feil-passord-her' });
    const login = await t.http.post('/auth/login', { email: 'spor@x.no', password: PASSWORD });
    const token: string = login.body.accessToken;
    secrets.push(token);
    const browser = await t.http.post('/auth/session', { email: 'spor@x.no', password: PASSWORD });
    secrets.push(browser.headers.getSetCookie()[0].split(';')[0].split('=')[1]);

    await t.http.post('/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, { token });
    await t.http.post('/auth/password-reset', { email: 'spor@x.no' });
    const link = await eventually(async () => {
      for (const f of readdirSync(t.config.mailDir)) {
        const mail = await simpleParser(readFileSync(join(t.config.mailDir, f)));
        const m = /glemt-passord\?token=([A-Za-z0-9_-]+)/.exec(mail.text ?? '');
        if (m) return m[1];
      }
      return undefined;
    });
    secrets.push(link);
    expect(
      (await t.http.post('/auth/password-reset/confirm', { token: link, password: RESET_PASSWORD })).status,
    ).toBe(204);
    await admin.http.patch(`/users/${userId}`, { roles: ['applicant', 'analyst'] });
    await admin.http.patch(`/users/${userId}`, { active: false });
    await admin.http.patch(`/users/${userId}`, { active: true });

    const res = await admin.http.get('/admin/audit', { query: { userId, limit: 100 } });
    expect(res.status).toBe(200);
    const actions = [...res.body.items].reverse().map((e: { action: string }) => e.action);
    expect(actions).toEqual([
      'user_created',
      'sign_in_failed',
      'sign_in',
      'sign_in',
      'password_changed',
      'password_reset_requested',
      'password_reset',
      'roles_changed',
      'user_deactivated',
      'user_reactivated',
    ]);
    expect(res.body.total).toBe(actions.length);
    const byAction = Object.fromEntries(res.body.items.map((e: { action: string }) => [e.action, e]));
    expect(byAction.sign_in_failed).toMatchObject({
      userId,
      address: '127.0.0.1',
      details: { reason: 'wrong_password' },
    });
    expect(byAction.roles_changed).toMatchObject({
      actorUserId: admin.user.id,
      details: { from: ['applicant'], to: ['applicant', 'analyst'] },
    });

    // The failure for an address nobody has is kept without the address typed.
    const all = await admin.http.get('/admin/audit', { query: { limit: 500 } });
    const unknown = all.body.items.find(
      (e: { action: string; details: { reason?: string } }) => e.details.reason === 'unknown_account',
    );
    expect(unknown).toMatchObject({ userId: null, action: 'sign_in_failed' });

    const table = JSON.stringify(await t.dataSource.query('SELECT * FROM audit_events'));
    for (const text of [res.text, all.text, table]) {
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(text).not.toContain('ingen-her@x.no');
      expect(text).not.toMatch(/\$argon2/);
    }
  });

  it('is for admins only, paged, and checks its query', async () => {
    const admin = await t.as('admin');
    const staff = await t.as('staff');
    expect((await staff.http.get('/admin/audit')).status).toBe(403);
    expect((await t.http.get('/admin/audit')).status).toBe(401);
    const page = await admin.http.get('/admin/audit', { query: { limit: 1, offset: 1 } });
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThan(1);
    const bad = await admin.http.get('/admin/audit', { query: { userId: 'not-a-uuid' } });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const none = await admin.http.get('/admin/audit', {
      query: { userId: '00000000-0000-4000-8000-000000000000', offset: 5 },
    });
    expect(none.body).toEqual({ items: [], total: 0 });
  });
});

import { INestApplicationContext } from '@nestjs/common';
import { SmtpSink } from './support/smtp-sink';
import { eventually, startApp, startWorker, TestApp } from './support/test-app';
import { addContact, BookingWorld, bookingWorld, known, requestBody } from './support/world';

const PUBLIC_URL = 'https://frirom.as.kommune.no';

describe('what a person can see and do about their own data', () => {
  let t: TestApp;
  let w: BookingWorld;
  let worker: INestApplicationContext;
  const sink = new SmtpSink();

  beforeAll(async () => {
    await sink.start();
    t = await startApp({ env: { SMTP_URL: sink.url, MAIL_BACKOFF_MS: '50', PUBLIC_URL } });
    worker = await startWorker(t.config);
    w = await bookingWorld(t);
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
    await sink.stop();
  });

  const register = async (email: string, name = 'Nora Ny') => {
    const res = await t.http.post('/auth/register', {
      email,
      name,
      password: 'lang-og-sikker-42',
      phone: '+4791234567',
    });
    expect(res.status).toBe(201);
    const login = await t.http.post('/auth/login', { email, password: 'lang-og-sikker-42' });
    return { id: res.body.id as string, http: t.http.as(login.body.accessToken) };
  };
  const confirmationToken = (email: string) =>
    eventually(async () => {
      const mail = sink.to(email).find((m) => /Velkommen|Welcome/.test(m.subject));
      return mail?.text.match(
        /https:\/\/frirom\.as\.kommune\.no\/bekreft-epost\?token=([A-Za-z0-9_-]+)/,
      )?.[1];
    });

  it('mails a new user a link that confirms the address, once; staff see it when verifying', async () => {
    const nora = await register('nora@klubb.no');
    expect((await nora.http.get('/auth/me')).body.emailConfirmed).toBe(false);
    const token = await confirmationToken('nora@klubb.no');
    const [mail] = sink.to('nora@klubb.no');
    expect(mail.subject).toBe('Velkommen til frirom: bekreft e-postadressen din');
    expect(mail.text).toContain('Hei, Nora Ny!');

    // Unconfirmed accounts work: Nora registers an organisation; staff see she has not confirmed yet.
    const org = (
      await nora.http.post('/organisations', {
        orgNumber: known(t, 'Noras kor', { municipalityNumber: null }),
        name: 'Noras kor',
        kind: 'voluntary',
        inFrivillighetsregisteret: true,
        email: 'kor@klubb.no',
      })
    ).body;
    expect(org.status).toBe('pending');
    const before = (await w.staff.http.get(`/organisations/${org.id}`)).body;
    expect(before.contacts).toEqual([expect.objectContaining({ userId: nora.id, emailConfirmed: false })]);

    expect((await t.http.post('/auth/confirm-email', { token })).status).toBe(204);
    const again = await t.http.post('/auth/confirm-email', { token });
    expect([again.status, again.body.code]).toEqual([400, 'EMAIL_CONFIRMATION_INVALID']);
    expect((await nora.http.get('/auth/me')).body.emailConfirmed).toBe(true);
    const after = (await w.staff.http.get(`/organisations/${org.id}`)).body;
    expect(after.contacts[0].emailConfirmed).toBe(true);
  });

  it('refuses an expired confirmation link', async () => {
    await register('sen@klubb.no');
    const token = await confirmationToken('sen@klubb.no');
    await t.dataSource.query(
      `UPDATE email_confirmations SET expires_at = now() - interval '1 second' WHERE email = 'sen@klubb.no'`,
    );
    const res = await t.http.post('/auth/confirm-email', { token });
    expect([res.status, res.body.code]).toEqual([410, 'EMAIL_CONFIRMATION_EXPIRED']);
    const [{ confirmed }] = await t.dataSource.query(
      `SELECT email_confirmed_at IS NOT NULL AS confirmed FROM users WHERE email = 'sen@klubb.no'`,
    );
    expect(confirmed).toBe(false);
  });

  it('exports what frirom holds about the user as JSON, and deletes the account keeping bookings without a person', async () => {
    const ola = await register('ola@klubb.no', 'Ola Kasserer');
    await addContact(t, w.org.id, ola.id);
    const request = (await ola.http.post('/booking-requests', requestBody(w, { title: 'Olas trening' })))
      .body;
    await ola.http.post(`/organisations/${w.org.id}/invitations`, { email: 'venn@klubb.no' });
    await t.http.post('/auth/login', { email: 'ola@klubb.no', password: 'feil-passord-1' });
    await confirmationToken('ola@klubb.no');

    const exported = await ola.http.get('/auth/me/export');
    expect(exported.status).toBe(200);
    expect(exported.body.profile).toMatchObject({
      id: ola.id,
      email: 'ola@klubb.no',
      name: 'Ola Kasserer',
      phone: '+4791234567',
      emailConfirmedAt: null,
    });
    expect(exported.body.profile).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(exported.body)).not.toMatch(/argon2/);
    expect(exported.body.organisations.map((o: any) => o.id)).toEqual([w.org.id]);
    expect(exported.body.bookingRequests).toEqual([
      expect.objectContaining({ id: request.id, title: 'Olas trening', occurrences: [expect.any(Object)] }),
    ]);
    expect(exported.body.invitations.sent).toEqual([expect.objectContaining({ email: 'venn@klubb.no' })]);
    expect(exported.body.mails.map((m: any) => m.kind)).toContain('welcome');
    expect(exported.body.failedSignIns).toHaveLength(1);
    // Someone else's data is not in it.
    expect(JSON.stringify(exported.body)).not.toContain(w.applicant.user.email);

    const unconfirmed = await ola.http.delete('/auth/me', { body: { email: 'someone@else.no' } });
    expect([unconfirmed.status, unconfirmed.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await ola.http.delete('/auth/me', { body: {} })).status).toBe(400);
    expect((await ola.http.delete('/auth/me', { body: { email: 'Ola@klubb.no' } })).status).toBe(204);
    expect((await ola.http.get('/auth/me')).status).toBe(401);
    const traces = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM users WHERE email = 'ola@klubb.no' OR name = 'Ola Kasserer') AS users,
              (SELECT count(*)::int FROM outbox_messages WHERE to_email = 'ola@klubb.no') AS mails,
              (SELECT count(*)::int FROM login_failures WHERE email = 'ola@klubb.no') AS failures,
              (SELECT count(*)::int FROM organisation_members WHERE user_id = $1) AS memberships`,
      [ola.id],
    );
    expect(traces).toEqual([{ users: 0, mails: 0, failures: 0, memberships: 0 }]);
    expect(
      (await t.http.post('/auth/login', { email: 'ola@klubb.no', password: 'lang-og-sikker-42' })).status,
    ).toBe(401);
    // The booking stays, for the statistics, with no person attached.
    const kept = await w.staff.http.get(`/booking-requests/${request.id}`);
    expect(kept.status).toBe(200);
    const [row] = await t.dataSource.query('SELECT created_by FROM booking_requests WHERE id = $1', [
      request.id,
    ]);
    expect(row.created_by).toBeNull();
    // The address can be registered anew.
    expect(
      (
        await t.http.post('/auth/register', {
          email: 'ola@klubb.no',
          name: 'Ola',
          password: 'lang-og-sikker-42',
        })
      ).status,
    ).toBe(201);
  });

  it('tells the last contact of an organisation to hand it over before deleting the account', async () => {
    const solo = await register('solo@klubb.no');
    const org = (
      await solo.http.post('/organisations', {
        orgNumber: known(t, 'Soloklubben', { inFrivillighetsregisteret: false, municipalityNumber: null }),
        name: 'Soloklubben',
        kind: 'voluntary',
        inFrivillighetsregisteret: false,
        email: 'solo@klubb.no',
      })
    ).body;
    const res = await solo.http.delete('/auth/me', { body: { email: 'solo@klubb.no' } });
    expect([res.status, res.body.code, res.body.details]).toEqual([
      409,
      'LAST_CONTACT',
      { organisationIds: [org.id] },
    ]);
    expect((await solo.http.get('/auth/me')).status).toBe(200);
  });
});

import { INestApplicationContext } from '@nestjs/common';
import { SmtpSink } from './support/smtp-sink';
import { eventually, startApp, startWorker, TestApp, TestUser } from './support/test-app';
import { known } from './support/world';

const PUBLIC_URL = 'https://frirom.as.kommune.no';

describe('contacts are invited, not added', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  const sink = new SmtpSink();
  let staff: TestUser;
  let leader: TestUser;
  let org: { id: string };

  beforeAll(async () => {
    await sink.start();
    t = await startApp({ env: { SMTP_URL: sink.url, MAIL_BACKOFF_MS: '50', PUBLIC_URL } });
    worker = await startWorker(t.config);
    staff = await t.as('staff');
    leader = await t.createUser(['applicant'], { name: 'Lise Leder' });
    org = (
      await leader.http.post('/organisations', {
        orgNumber: known(t, 'Ås korps'),
        name: 'Ås korps',
        kind: 'voluntary',
        inFrivillighetsregisteret: true,
        municipalityNumber: '3218',
        email: 'post@askorps.no',
      })
    ).body;
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
    await sink.stop();
  });

  /** The token of the newest invitation link mailed to the address. */
  const invitationToken = (email: string, count = 1) =>
    eventually(async () => {
      const mails = sink.to(email).filter((m) => /Invitasjon|Invitation/.test(m.subject));
      if (mails.length < count) return undefined;
      const match = mails[mails.length - 1].text.match(
        /https:\/\/frirom\.as\.kommune\.no\/invitasjon\?token=([A-Za-z0-9_-]+)/,
      );
      return match?.[1];
    });

  it('answers 202 alike for an address with or without an account, and names nobody', async () => {
    const caretaker = await t.createUser(['caretaker'], {
      email: 'vakt@as.kommune.no',
      phone: '+4790000000',
    });
    const known = await leader.http.post(`/organisations/${org.id}/invitations`, {
      email: 'Vakt@as.kommune.no',
    });
    const unknown = await leader.http.post(`/organisations/${org.id}/invitations`, { email: 'ingen@x.no' });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect([known.text, unknown.text]).toEqual(['', '']);

    const view = (await leader.http.get(`/organisations/${org.id}`)).body;
    expect(view.contacts.map((c: any) => c.userId)).toEqual([leader.user.id]);
    expect(view.invitations.map((i: any) => i.email).sort()).toEqual(['ingen@x.no', 'vakt@as.kommune.no']);
    expect(Object.keys(view.invitations[0]).sort()).toEqual(['email', 'expiresAt', 'id', 'invitedAt']);
    expect(JSON.stringify(view)).not.toContain(caretaker.user.name);
    expect(JSON.stringify(view)).not.toContain('+4790000000');

    // The mail: a link to the web app, valid seven days; only a hash of its token is stored.
    const token = await invitationToken('vakt@as.kommune.no');
    await invitationToken('ingen@x.no');
    const [mail] = sink.to('ingen@x.no');
    expect(mail.subject).toBe('Invitasjon: bli kontaktperson for Ås korps');
    // Handlebars escapes "=" in the attribute as &#x3D;, which a browser reads back as "=".
    expect(mail.html).toContain(`href="${PUBLIC_URL}/invitasjon?token&#x3D;`);
    const rows = await t.dataSource.query(
      `SELECT token_hash, expires_at - created_at AS valid FROM organisation_invitations WHERE email = 'vakt@as.kommune.no'`,
    );
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].token_hash).not.toContain(token);
    expect(rows[0].valid).toMatchObject({ days: 7 });
    // Nor does the sent mail keep the link.
    const kept = await eventually(async () => {
      const [row] = await t.dataSource.query(
        `SELECT status, data::text AS data FROM outbox_messages WHERE to_email = 'vakt@as.kommune.no'`,
      );
      return row.status === 'sent' ? row.data : undefined;
    });
    expect(kept).not.toContain(token);
    expect(kept).toContain('Ås korps');
  });

  it('makes the invitee a contact only when they accept while signed in, once', async () => {
    const kasserer = await t.createUser(['applicant'], { email: 'kasserer@askorps.no' });
    await leader.http.post(`/organisations/${org.id}/invitations`, { email: 'kasserer@askorps.no' });
    const token = await invitationToken('kasserer@askorps.no');
    expect((await kasserer.http.get(`/organisations/${org.id}`)).status).toBe(404);

    expect((await t.http.post('/invitations/accept', { token })).status).toBe(401);
    const accepted = await kasserer.http.post('/invitations/accept', { token });
    expect([accepted.status, accepted.body]).toEqual([200, { organisationId: org.id }]);
    expect((await kasserer.http.get('/auth/me')).body.organisationIds).toEqual([org.id]);
    const view = (await kasserer.http.get(`/organisations/${org.id}`)).body;
    expect(view.contacts.map((c: any) => c.userId).sort()).toEqual([leader.user.id, kasserer.user.id].sort());
    expect(view.invitations.map((i: any) => i.email)).not.toContain('kasserer@askorps.no');

    const again = await staff.http.post('/invitations/accept', { token });
    expect([again.status, again.body.code]).toEqual([409, 'INVITATION_USED']);
    const bad = await staff.http.post('/invitations/accept', { token: 'not-a-token' });
    expect([bad.status, bad.body.code]).toEqual([400, 'INVITATION_INVALID']);
    const history = (await staff.http.get(`/organisations/${org.id}/history`)).body.items;
    expect(history[0]).toMatchObject({ kind: 'contact_joined', actorId: kasserer.user.id });
  });

  it('refuses an expired invitation with a clear code', async () => {
    const late = await t.createUser(['applicant']);
    await leader.http.post(`/organisations/${org.id}/invitations`, { email: 'sen@askorps.no' });
    const token = await invitationToken('sen@askorps.no');
    await t.dataSource.query(
      `UPDATE organisation_invitations SET expires_at = now() - interval '1 minute' WHERE email = 'sen@askorps.no'`,
    );
    const res = await late.http.post('/invitations/accept', { token });
    expect([res.status, res.body.code]).toEqual([410, 'INVITATION_EXPIRED']);
    expect((await late.http.get('/auth/me')).body.organisationIds).toEqual([]);
    expect(
      (await leader.http.get(`/organisations/${org.id}`)).body.invitations.map((i: any) => i.email),
    ).not.toContain('sen@askorps.no');
  });

  it('lets only a contact of it or staff invite, and only staff hand it over', async () => {
    const stranger = await t.createUser(['applicant']);
    expect(
      (await stranger.http.post(`/organisations/${org.id}/invitations`, { email: 'x@y.no' })).status,
    ).toBe(404);
    expect((await leader.http.post(`/organisations/${org.id}/invitations`, { email: 'nope' })).status).toBe(
      400,
    );
    const handOver = await leader.http.post(`/organisations/${org.id}/invitations`, {
      email: 'x@y.no',
      handOver: true,
    });
    expect([handOver.status, handOver.body.code]).toEqual([403, 'FORBIDDEN']);
    expect((await staff.http.post(`/organisations/${org.id}/invitations`, { email: 'x@y.no' })).status).toBe(
      202,
    );
  });

  it('lets a contact leave, but not the last one', async () => {
    const solo = await t.createUser(['applicant']);
    const own = (
      await solo.http.post('/organisations', {
        orgNumber: known(t, 'Soloklubben', { inFrivillighetsregisteret: false, municipalityNumber: null }),
        name: 'Soloklubben',
        kind: 'voluntary',
        inFrivillighetsregisteret: false,
        email: 'solo@klubb.no',
      })
    ).body;
    const last = await solo.http.delete(`/organisations/${own.id}/members/me`);
    expect([last.status, last.body.code]).toEqual([409, 'LAST_CONTACT']);

    const kasserer = (await leader.http.get(`/organisations/${org.id}`)).body.contacts.find(
      (c: any) => c.email === 'kasserer@askorps.no',
    );
    expect(kasserer).toBeDefined();
    expect((await leader.http.delete(`/organisations/${org.id}/members/me`)).status).toBe(204);
    expect((await leader.http.get(`/organisations/${org.id}`)).status).toBe(404);
    expect((await leader.http.delete(`/organisations/${org.id}/members/me`)).status).toBe(404);
  });

  it('lets staff hand an organisation over: on acceptance the invitee is its only contact', async () => {
    const successor = await t.createUser(['applicant'], { email: 'ny-leder@askorps.no' });
    const sent = await staff.http.post(`/organisations/${org.id}/invitations`, {
      email: 'ny-leder@askorps.no',
      handOver: true,
    });
    expect(sent.status).toBe(202);
    const token = await invitationToken('ny-leder@askorps.no');
    const [mail] = sink.to('ny-leder@askorps.no');
    expect(mail.text).toContain('eneste kontaktperson');
    expect((await successor.http.post('/invitations/accept', { token })).status).toBe(200);
    const view = (await staff.http.get(`/organisations/${org.id}`)).body;
    expect(view.contacts.map((c: any) => c.userId)).toEqual([successor.user.id]);
    expect((await staff.http.get(`/organisations/${org.id}/history`)).body.items[0].kind).toBe('handed_over');
  });

  it('limits how many invitations a contact sends a day', async () => {
    const busy = await t.createUser(['applicant']);
    const own = (
      await busy.http.post('/organisations', {
        orgNumber: known(t, 'Travle klubben', { inFrivillighetsregisteret: false, municipalityNumber: null }),
        name: 'Travle klubben',
        kind: 'voluntary',
        inFrivillighetsregisteret: false,
        email: 'travel@klubb.no',
      })
    ).body;
    for (let i = 0; i < 20; i++) {
      expect(
        (await busy.http.post(`/organisations/${own.id}/invitations`, { email: `m${i}@x.no` })).status,
      ).toBe(202);
    }
    const over = await busy.http.post(`/organisations/${own.id}/invitations`, { email: 'm20@x.no' });
    expect([over.status, over.body.code]).toEqual([429, 'TOO_MANY_INVITATIONS']);
    expect(
      (await staff.http.post(`/organisations/${own.id}/invitations`, { email: 'm20@x.no' })).status,
    ).toBe(202);
  });

  it('writes to an invitee with an English account in English', async () => {
    const english = await t.createUser(['applicant'], { email: 'english@askorps.no' });
    await t.dataSource.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [english.user.id]);
    await staff.http.post(`/organisations/${org.id}/invitations`, { email: 'english@askorps.no' });
    await invitationToken('english@askorps.no');
    const [mail] = sink.to('english@askorps.no');
    expect(mail.subject).toBe('Invitation: become a contact of Ås korps');
    expect(mail.text).toContain('The link works once');
  });
});

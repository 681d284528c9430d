import { INestApplicationContext } from '@nestjs/common';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays } from '../src/common/time';
import { JobName } from '../src/jobs/job-registry';
import { JobsService } from '../src/jobs/jobs.service';
import { SmtpSink } from './support/smtp-sink';
import { eventually, startApp, startWorker, TestApp } from './support/test-app';
import {
  addContact,
  BookingWorld,
  bookingWorld,
  FIRST_TUESDAY_OF_SEPTEMBER as TUE,
  known,
  requestBody,
} from './support/world';

describe('notifications through the outbox, sent by the worker over SMTP', () => {
  let t: TestApp;
  let w: BookingWorld;
  let worker: INestApplicationContext;
  const sink = new SmtpSink();

  beforeAll(async () => {
    await sink.start();
    t = await startApp({ env: { SMTP_URL: sink.url, MAIL_BACKOFF_MS: '50' } });
    w = await bookingWorld(t);
    worker = await startWorker(t.config);
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
    await sink.stop();
  });

  const mailsTo = (email: string, subject: RegExp) =>
    eventually(async () => {
      const found = sink.to(email).filter((m) => subject.test(m.subject));
      return found.length > 0 ? found : undefined;
    });

  it('tells the contacts a request was received, with text and HTML parts and a Message-ID from the outbox id', async () => {
    const created = (
      await w.applicant.http.post('/booking-requests', requestBody(w, { title: 'Mottatt-test' }))
    ).body;
    const [mail] = await mailsTo(w.applicant.user.email, /Søknad mottatt: Mottatt-test/);
    expect(mail.text).toContain('Testklubben');
    expect(mail.html).toContain('<strong>Testklubben</strong>');
    // The worker commits 'sent' just after the SMTP server has answered, so the mail can arrive first.
    const row = await eventually(async () => {
      const [found] = await t.dataSource.query(
        `SELECT id, status FROM outbox_messages WHERE kind = 'request_received' AND data->>'title' = 'Mottatt-test'`,
      );
      return found?.status === 'sent' ? found : undefined;
    });
    expect(mail.messageId).toBe(`<${row.id}@frirom>`);
    // no person wrote it, and it says its language
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.headers.get('content-language')).toBe('nb');
    expect(created.id).toBeDefined();
  });

  it('writes in English to a user who chose it', async () => {
    const english = await t.createUser(['applicant'], { email: 'english@klubb.no' });
    await t.dataSource.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [english.user.id]);
    await addContact(t, w.org.id, english.user.id);
    await w.applicant.http.post('/booking-requests', requestBody(w, { title: 'English-test' }));
    const [mail] = await mailsTo('english@klubb.no', /Application received: English-test/);
    expect(mail.text).toContain('We have received the application');
    expect(mail.headers.get('content-language')).toBe('en');
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('lists the approved dates and staff’s note in the approval mail: the first ten and how many more', async () => {
    const start = addDays(TUE, 70);
    const series = (
      await w.applicant.http.post(
        '/booking-requests',
        requestBody(w, {
          title: 'Tolv-test',
          startsAt: `${start}T20:00`,
          endsAt: `${start}T21:00`,
          recurrence: { rrule: 'FREQ=WEEKLY;COUNT=12' },
        }),
      )
    ).body;
    const approved = await w.staff.http.post(`/booking-requests/${series.id}/approve`, {
      note: 'Velkommen!',
    });
    expect(approved.body.status).toBe('approved');
    const [mail] = await mailsTo(w.applicant.user.email, /^Godkjent: Tolv-test/);
    expect(mail.text).toContain('Godkjent: 12 ganger');
    expect(mail.text).toContain('Merknad fra saksbehandler: Velkommen!');
    expect(mail.html).toContain('Velkommen!');
    const listed = series.occurrences.map((o: any) =>
      new Intl.DateTimeFormat('nb-NO', {
        timeZone: 'Europe/Oslo',
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(o.startsAt)),
    );
    for (const when of listed.slice(0, 10)) expect(mail.text).toContain(`- ${when}`);
    expect(mail.text).not.toContain(listed[10]);
    expect(mail.text).toContain('og 2 ganger til');

    // a short series lists every date, and no count of more
    const two = (
      await w.applicant.http.post(
        '/booking-requests',
        requestBody(w, {
          title: 'To-test',
          startsAt: `${start}T17:00`,
          endsAt: `${start}T18:00`,
          recurrence: { rrule: 'FREQ=WEEKLY;COUNT=2' },
        }),
      )
    ).body;
    await w.staff.http.post(`/booking-requests/${two.id}/approve`, {});
    const [short] = await mailsTo(w.applicant.user.email, /^Godkjent: To-test/);
    expect(short.text).toContain(`- ${listed[0].replace('20:00', '17:00')}`);
    expect(short.text).not.toMatch(/ganger til|Merknad/);
  });

  it('tells an organisation’s contacts when staff verify it, once', async () => {
    const contact = await t.createUser(['applicant'], { email: 'leder@nyforening.no' });
    const org = (
      await contact.http.post('/organisations', {
        orgNumber: known(t, 'Nyforeningen', { inFrivillighetsregisteret: false }),
        name: 'Nyforeningen',
        kind: 'voluntary',
        inFrivillighetsregisteret: false,
        municipalityNumber: '3218',
        email: 'post@nyforening.no',
      })
    ).body;
    expect(org.status).toBe('pending');
    expect((await w.staff.http.post(`/organisations/${org.id}/verify`)).status).toBeLessThan(300);
    const [mail] = await mailsTo('leder@nyforening.no', /Organisasjonen er godkjent: Nyforeningen/);
    expect(mail.text).toContain('Nyforeningen er nå godkjent');
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    // verifying again changes nothing and tells no one again
    await w.staff.http.post(`/organisations/${org.id}/verify`);
    const rows = await t.dataSource.query(
      `SELECT status FROM outbox_messages WHERE kind = 'organisation_verified' AND to_email = 'leder@nyforening.no'`,
    );
    expect(rows).toHaveLength(1);
  });

  it('tells the decision once nothing is pending: partially approved lists the dates not granted and why', async () => {
    const start = addDays(TUE, 14);
    const blocker = (
      await w.applicant.http.post(
        '/booking-requests',
        requestBody(w, {
          title: 'Blokk',
          startsAt: `${addDays(start, 7)}T18:00`,
          endsAt: `${addDays(start, 7)}T19:00`,
        }),
      )
    ).body;
    await w.staff.http.post(`/booking-requests/${blocker.id}/approve`, {});
    const series = (
      await w.applicant.http.post(
        '/booking-requests',
        requestBody(w, {
          title: 'Serie-test',
          startsAt: `${start}T18:00`,
          endsAt: `${start}T19:00`,
          recurrence: { rrule: 'FREQ=WEEKLY;COUNT=3' },
        }),
      )
    ).body;
    await w.staff.http.post(`/booking-requests/${series.id}/approve`, {});
    await w.staff.http.post(`/booking-requests/${series.id}/reject`, { reason: 'Salen er opptatt' });
    const [mail] = await mailsTo(w.applicant.user.email, /Delvis godkjent: Serie-test/);
    expect(mail.text).toContain('Godkjent: 2 ganger');
    expect(mail.text).toContain('Salen er opptatt');
    // the caretakers of the building hear of the new series
    expect(
      await t.dataSource.query(`SELECT 1 FROM outbox_messages WHERE kind = 'series_approved_caretaker'`),
    ).toEqual([]);
  });

  it('tells the building’s caretakers of a new approved series, and sends them the morning digest', async () => {
    const caretaker = await t.createUser(['caretaker'], { email: 'vakt@skolen.no', name: 'Vera Vakt' });
    await t.dataSource.query('INSERT INTO building_caretakers (building_id, user_id) VALUES ($1, $2)', [
      w.building.id,
      caretaker.user.id,
    ]);
    const start = addDays(TUE, 35);
    const series = (
      await w.applicant.http.post(
        '/booking-requests',
        requestBody(w, {
          title: 'Vakt-test',
          startsAt: `${start}T20:00`,
          endsAt: `${start}T21:00`,
          recurrence: { rrule: 'FREQ=WEEKLY;COUNT=2' },
        }),
      )
    ).body;
    await w.staff.http.post(`/booking-requests/${series.id}/approve`, {});
    const [news] = await mailsTo('vakt@skolen.no', /Ny fast booking i Testskolen: Vakt-test/);
    expect(news.text).toContain('2 ganger');

    // The digest for the day of the first occurrence, as the 07:00 job sends it the day before.
    await t.app.get(JobsService).enqueue(JobName.CaretakerDigest, { date: start });
    const [digest] = await mailsTo('vakt@skolen.no', /Bookinger i morgen/);
    expect(digest.text).toContain('Vakt-test');
    expect(digest.text).toContain('Gymsal');
    // Asked twice for the same day, the digest goes once.
    const again = await t.app.get(JobsService).enqueue(JobName.CaretakerDigest, { date: start });
    await eventually(async () => {
      const res = await w.staff.http.get(`/jobs/${again}`);
      return res.body.state === 'completed' ? true : undefined;
    });
    expect(
      await t.dataSource.query(`SELECT status FROM outbox_messages WHERE kind = 'caretaker_digest'`),
    ).toHaveLength(1);
    expect(sink.to('vakt@skolen.no').filter((m) => /Bookinger i morgen/.test(m.subject))).toHaveLength(1);
  });

  it('tells of cancelled and moved occurrences, and reminds two days before a series starts', async () => {
    const d = addDays(TUE, 49);
    const r = (
      await w.applicant.http.post(
        '/booking-requests',
        requestBody(w, {
          title: 'Flytt-test',
          startsAt: `${d}T18:00`,
          endsAt: `${d}T19:00`,
          recurrence: { rrule: 'FREQ=WEEKLY;COUNT=2' },
        }),
      )
    ).body;
    await w.staff.http.post(`/booking-requests/${r.id}/approve`, {});
    await w.staff.http.post(`/occurrences/${r.occurrences[0].id}/move`, {
      startsAt: `${d}T19:00`,
      endsAt: `${d}T20:00`,
      reason: 'Kamp',
    });
    const [moved] = await mailsTo(w.applicant.user.email, /Flyttet: Flytt-test/);
    expect(moved.text).toContain('Kamp');
    await w.applicant.http.post(`/occurrences/${r.occurrences[1].id}/cancel`, { reason: 'Ferie' });
    const [cancelled] = await mailsTo(w.applicant.user.email, /Avlyst: Flytt-test/);
    expect(cancelled.text).toContain('Ferie');

    await t.app.get(JobsService).enqueue(JobName.SeriesReminders, { date: addDays(d, -2) });
    const [reminder] = await mailsTo(w.applicant.user.email, /Påminnelse: Flytt-test/);
    expect(reminder.text).toContain('ikke bekreftet');
  });

  it('shows staff the outbox, and writes nothing to it when the change is refused', async () => {
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM outbox_messages');
    const refused = await w.applicant.http.post(
      '/booking-requests',
      requestBody(w, { expectedParticipants: 1000 }),
    );
    expect(refused.status).toBe(400);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM outbox_messages')).toEqual(before);
    const list = await w.staff.http.get('/admin/outbox', { query: { status: 'sent', limit: 5 } });
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({
      status: 'sent',
      messageId: expect.stringMatching(/^<.+@frirom>$/),
    });
    expect((await w.applicant.http.get('/admin/outbox')).status).toBe(403);
  });
});

describe('mail without an SMTP server', () => {
  it('is written as .eml files in MAIL_DIR', async () => {
    const t = await startApp();
    const worker = await startWorker(t.config);
    try {
      const w = await bookingWorld(t);
      await w.applicant.http.post('/booking-requests', requestBody(w, { title: 'Fil-test' }));
      const eml = await eventually(async () =>
        readdirSync(t.config.mailDir)
          .filter((f) => f.endsWith('.eml'))
          .map((f) => readFileSync(join(t.config.mailDir, f), 'utf8'))
          .find((text) => text.includes('Fil-test')),
      );
      expect(eml).toMatch(/^Auto-Submitted: auto-generated$/m);
      expect(eml).toMatch(/^Content-Language: nb$/m);
      expect(eml).toMatch(/^Message-ID: <[0-9a-f-]+@frirom>$/m);
      expect(eml).toContain('Fil-test');
    } finally {
      await worker.close();
      await t.close();
    }
  });
});

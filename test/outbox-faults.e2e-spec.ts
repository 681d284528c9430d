import { INestApplicationContext } from '@nestjs/common';
import { QUEUE_CONCURRENCY, QueueName } from '../src/jobs/job-registry';
import { Outbox } from '../src/notifications/outbox.service';
import { runBuilt } from './support/processes';
import { OwnRedis } from './support/redis-server';
import { SmtpSink } from './support/smtp-sink';
import { consistently, eventually, startApp, startWorker, TestApp, testEnv } from './support/test-app';
import { bookingWorld, requestBody } from './support/world';

/** The booking world, without the mails making it wrote (the verification), before any worker runs. */
async function worldWithoutMail(t: TestApp) {
  const w = await bookingWorld(t);
  await t.dataSource.query('DELETE FROM outbox_messages');
  return w;
}

/** Invariant 4: every committed notification is sent once — not lost, not doubled. */
describe('the outbox under faults', () => {
  it('keeps accepting and deciding requests with Redis down, and sends the mails once Redis is back', async () => {
    const redis = await new OwnRedis().start();
    const sink = await new SmtpSink().start();
    const t = await startApp({ env: { REDIS_URL: redis.url, SMTP_URL: sink.url } });
    let worker: INestApplicationContext | undefined;
    try {
      const w = await worldWithoutMail(t);
      worker = await startWorker(t.config);
      await redis.stop();

      const created = await w.applicant.http.post(
        '/booking-requests',
        requestBody(w, { title: 'Uten Redis' }),
      );
      expect(created.status).toBe(201);
      const approved = await w.staff.http.post(`/booking-requests/${created.body.id}/approve`, {});
      expect(approved.status).toBe(200);
      const pending = await t.dataSource.query(
        `SELECT status FROM outbox_messages WHERE data->>'title' = 'Uten Redis'`,
      );
      expect(pending.map((r: any) => r.status)).toEqual(['pending', 'pending']);
      await consistently(async () => expect(sink.mails).toHaveLength(0), { timeout: 1500 });

      await redis.start();
      await eventually(
        async () =>
          sink.mails.filter((m) => m.subject.includes('Uten Redis')).length === 2 ? true : undefined,
        { timeout: 30_000 },
      );
      const ids = sink.mails.map((m) => m.messageId);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      await worker?.close();
      await t.close();
      await redis.stop();
      await sink.stop();
    }
  });

  it('retries when the SMTP server refuses a few times, then delivers; gives up after the last attempt and staff can retry', async () => {
    const sink = await new SmtpSink({ refuseFirst: 3 }).start();
    const t = await startApp({ env: { SMTP_URL: sink.url, MAIL_BACKOFF_MS: '50' } });
    const w = await worldWithoutMail(t);
    const worker = await startWorker(t.config);
    try {
      await w.applicant.http.post('/booking-requests', requestBody(w, { title: 'Nektet' }));
      const [mail] = await eventually(async () => (sink.mails.length > 0 ? sink.mails : undefined), {
        timeout: 30_000,
      });
      expect(sink.refused).toBe(3);
      // The worker commits 'sent' just after the SMTP server has answered, so the mail can arrive first.
      const row = await eventually(async () => {
        const [found] = await t.dataSource.query(`SELECT id, attempts, status FROM outbox_messages`);
        return found?.status === 'sent' ? found : undefined;
      });
      expect(row).toMatchObject({ attempts: 4, status: 'sent' });
      expect(mail.messageId).toBe(`<${row.id}@frirom>`);

      // A server that never accepts: after the last attempt the message is failed and shown to staff.
      sink.options.refuseAll = true;
      await w.applicant.http.post('/booking-requests', requestBody(w, { title: 'Aldri' }));
      const failed = await eventually(
        async () => {
          const res = await w.staff.http.get('/admin/outbox', { query: { status: 'failed' } });
          return res.body.total === 1 ? res.body.items[0] : undefined;
        },
        { timeout: 30_000 },
      );
      expect(failed).toMatchObject({ attempts: 6, lastError: expect.stringContaining('Try again later') });
      sink.options.refuseAll = false;
      const retried = await w.staff.http.post(`/admin/outbox/${failed.id}/retry`);
      expect(retried.body.status).toBe('pending');
      await eventually(
        async () => (sink.mails.some((m) => m.messageId === `<${failed.id}@frirom>`) ? true : undefined),
        { timeout: 30_000 },
      );
      expect((await w.staff.http.post(`/admin/outbox/${failed.id}/retry`)).body.code).toBe('INVALID_STATE');
    } finally {
      await worker.close();
      await t.close();
      await sink.stop();
    }
  });

  describe('a worker process stopped in the middle of a batch', () => {
    const MESSAGES = 24;
    let t: TestApp;
    let sink: SmtpSink;

    beforeEach(async () => {
      sink = await new SmtpSink({ delayMs: 150 }).start();
      t = await startApp({ env: { SMTP_URL: sink.url } });
      await t.dataSource.transaction(async (m) => {
        await t.app.get(Outbox).add(
          m,
          Array.from({ length: MESSAGES }, (_, i) => ({
            kind: 'access_declined' as const,
            to: { userId: null, email: `staff${i}@as.kommune.no`, locale: 'nb' as const },
            data: {
              title: `Batch ${i}`,
              organisationName: 'Klubb',
              buildingName: 'Skole',
              reason: 'Test',
              requestId: 'x',
            },
          })),
        );
      });
    });
    afterEach(async () => {
      await t.close();
      await sink.stop();
    });

    const workerEnv = () => ({
      ...testEnv(t.dbName, { SMTP_URL: sink.url, JOB_LOCK_MS: '2000', LOG_LEVEL: 'info' }),
      REDIS_PREFIX: t.config.redisPrefix,
    });
    const allSent = () =>
      eventually(
        async () => {
          const [{ n }] = await t.dataSource.query(
            `SELECT count(*)::int AS n FROM outbox_messages WHERE status = 'sent'`,
          );
          return n === MESSAGES ? true : undefined;
        },
        { timeout: 60_000 },
      );

    it('killed with SIGKILL and restarted, loses no mail and sends only mails in flight twice, with the same Message-ID', async () => {
      const first = runBuilt('worker.js', workerEnv());
      await eventually(async () => (sink.mails.length >= 4 ? true : undefined), { timeout: 30_000 });
      first.child.kill('SIGKILL');
      await first.exited;
      const second = runBuilt('worker.js', workerEnv());
      try {
        await allSent();
        const ids = sink.mails.map((m) => m.messageId);
        const unique = new Set(ids);
        expect(unique.size).toBe(MESSAGES);
        const doubled = ids.length - unique.size;
        expect(doubled).toBeLessThanOrEqual(QUEUE_CONCURRENCY[QueueName.Mail] ?? 1);
        const rows = await t.dataSource.query('SELECT id FROM outbox_messages');
        expect([...unique].sort()).toEqual(rows.map((r: any) => `<${r.id}@frirom>`).sort());
      } finally {
        second.child.kill('SIGTERM');
        await second.exited;
      }
    });

    it('stopped with SIGTERM, finishes the mails in hand and sends none twice', async () => {
      const first = runBuilt('worker.js', workerEnv());
      await eventually(async () => (sink.mails.length >= 4 ? true : undefined), { timeout: 30_000 });
      first.child.kill('SIGTERM');
      expect((await first.exited).code).toBe(0);
      const second = runBuilt('worker.js', workerEnv());
      try {
        await allSent();
        const ids = sink.mails.map((m) => m.messageId);
        expect(ids).toHaveLength(MESSAGES);
        expect(new Set(ids).size).toBe(MESSAGES);
      } finally {
        second.child.kill('SIGTERM');
        await second.exited;
      }
    });
  });
});

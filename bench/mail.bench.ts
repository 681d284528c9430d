// Issue 6's benchmark: mails per second from the outbox to a local SMTP server, with one worker process.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { runWorker } from './api-process';
import { freshWorld } from './bench-db';
import { percentiles, Result, round } from './harness';
import { SmtpSink } from './smtp-sink';
import { AAS_WORLD } from './world-generator';

export async function mailBench(): Promise<Result[]> {
  const count = Number(process.env.BENCH_MAILS ?? 2_000);
  const { url } = await freshWorld('frirom_bench_mail', { ...AAS_WORLD, occurrences: 0 });
  const sink = await new SmtpSink().start();
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO outbox_messages (id, kind, to_email, locale, data)
       SELECT id, 'access_declined', 'staff' || i || '@as.kommune.no', 'nb', $2::jsonb
         FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, i)`,
      [
        Array.from({ length: count }, () => randomUUID()),
        JSON.stringify({
          title: 'Basket',
          organisationName: 'Klubb',
          buildingName: 'Skole',
          reason: 'Test',
          requestId: 'x',
        }),
      ],
    );
    const started = Date.now();
    const worker = await runWorker(url, { SMTP_URL: `smtp://127.0.0.1:${sink.port}` });
    try {
      let firstAt = 0;
      while (sink.mails.length < count) {
        if (Date.now() - started > 300_000) {
          throw new Error(`Only ${sink.mails.length} of ${count} mails in 5 minutes`);
        }
        if (!firstAt && sink.mails.length > 0) firstAt = Date.now();
        await new Promise((r) => setTimeout(r, 10));
      }
      const seconds = (Date.now() - started) / 1000;
      const steady = (Date.now() - firstAt) / 1000;
      const latency = await db.query<{ ms: number }>(
        `SELECT extract(epoch FROM sent_at - created_at) * 1000 AS ms FROM outbox_messages WHERE status = 'sent'`,
      );
      const { p50, p95, n } = percentiles(latency.rows.map((r) => Number(r.ms)));
      const unique = new Set(sink.mails.map((m) => m.messageId)).size;
      return [
        {
          benchmark: 'outbox → SMTP, one worker (time from commit to sent)',
          scale: `${count} mails`,
          p50Ms: round(p50),
          p95Ms: round(p95),
          runs: n,
          note:
            `${round((count - 1) / steady)} mails/s once the worker runs (target ≥ 200/s), ` +
            `${round(count / seconds)} mails/s counting its start; ${unique} distinct Message-IDs`,
        },
      ];
    } finally {
      await worker.stop();
    }
  } finally {
    await db.end();
    await sink.stop();
  }
}

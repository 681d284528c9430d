import { Injectable, Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { scrubEmails } from '../common/logging/logging';
import { JobHandler } from '../jobs/job-handler.decorator';
import { JobEnvelope, JobName, JobPayloads } from '../jobs/job-registry';
import { MessageKind, SECRET_FIELDS } from './message-kinds';
import { Mailer } from './mailer';
import { Renderer } from './renderer';

interface Row {
  id: string;
  kind: string;
  to_email: string;
  locale: 'nb' | 'en';
  data: object;
  status: string;
}

/**
 * Sends one outbox message. The row is locked while it is sent and marked sent in the same
 * transaction, so a message is sent once; a worker killed between the SMTP answer and the commit sends
 * that one message again on retry, with the same Message-ID, and never any other twice.
 */
@Injectable()
export class MailSender {
  private readonly logger = new Logger('MailSender');

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly renderer: Renderer,
  ) {}

  @JobHandler(JobName.SendMail)
  async send(
    { outboxId }: JobPayloads[JobName.SendMail],
    job?: Job<JobEnvelope>,
  ): Promise<{ sent: boolean }> {
    let failure: Error | undefined;
    const sent = await this.dataSource.transaction(async (m) => {
      const [row] = await m.query<Row[]>(
        `SELECT id, kind, to_email, locale, data, status FROM outbox_messages WHERE id = $1 FOR UPDATE`,
        [outboxId],
      );
      if (!row || row.status === 'sent' || row.status === 'failed') return false;
      try {
        const mail = this.renderer.render(row.kind, row.locale, row.data);
        await this.mailer.send({ id: row.id, to: row.to_email, locale: row.locale, ...mail });
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
        const attempts = job?.opts.attempts ?? 1;
        const last = (job?.attemptsMade ?? 0) + 1 >= attempts;
        await m.query(
          `UPDATE outbox_messages SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END
            WHERE id = $1`,
          [row.id, String((error as Error).message ?? error).slice(0, 1000), last],
        );
        return false;
      }
      // A `link` in the data is a single-use link with its token (invitation, confirmation): once sent, it
      // is not kept, so the database holds only the token's hash.
      await m.query(
        `UPDATE outbox_messages SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL,
                data = data - $2::text[] WHERE id = $1`,
        [row.id, SECRET_FIELDS[row.kind as MessageKind] ?? []],
      );
      return true;
    });
    if (failure) {
      this.logger.warn({ outboxId, err: scrubEmails(failure.message) }, 'mail not sent; will retry');
      throw failure;
    }
    return { sent };
  }
}

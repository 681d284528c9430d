import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { JobName } from '../jobs/job-registry';
import { JobsService } from '../jobs/jobs.service';

const POLL_MS = 1_000;
const BATCH = 200;
/** A message queued this long ago and still not sent is queued again (Redis may have lost it). */
const REQUEUE_AFTER = '5 minutes';

/**
 * Hands committed outbox messages to the mail queue, in the worker. The job id is the outbox id (with
 * the staff retry generation), so a message is queued once however often it is handed over. Rows are
 * marked queued only after Redis took the jobs: with Redis down they wait, and go once it is back.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxDispatcher');
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;
  private redisDown = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.listener = new Client({ connectionString: this.config.databaseUrl });
    this.listener.on('error', () => undefined); // polling carries on without it
    this.listener.on('notification', () => this.kick());
    await this.listener.connect().then(
      () => this.listener!.query('LISTEN outbox'),
      () => undefined,
    );
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.kick();
  }

  /** Runs a dispatch now, or once more right after the one under way. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.dispatchAll().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  private async dispatchAll(): Promise<void> {
    try {
      while (!this.stopped && (await this.dispatch()) === BATCH) {
        // a full batch: there may be more
      }
      if (this.redisDown) this.logger.log('The mail queue is reachable again');
      this.redisDown = false;
    } catch (error) {
      if (!this.redisDown)
        this.logger.warn({ err: (error as Error).message }, 'Outbox dispatch failed; will retry');
      this.redisDown = true;
    }
  }

  /** One batch: lock pending rows, queue their jobs, mark them queued; all or nothing. */
  async dispatch(): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const rows = await m.query<{ id: string; generation: number }[]>(
        `SELECT id, generation FROM outbox_messages
          WHERE status = 'pending' OR (status = 'queued' AND queued_at < now() - interval '${REQUEUE_AFTER}')
          ORDER BY created_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return 0;
      await this.jobs.enqueueMany(
        JobName.SendMail,
        rows.map((r) => ({
          payload: { outboxId: r.id },
          jobId: r.generation === 0 ? r.id : `${r.id}.${r.generation}`,
        })),
        { backoffMs: this.config.mailBackoffMs },
      );
      await m.query(`UPDATE outbox_messages SET status = 'queued', queued_at = now() WHERE id = ANY($1)`, [
        rows.map((r) => r.id),
      ]);
      return rows.length;
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.listener?.end().catch(() => undefined);
  }
}

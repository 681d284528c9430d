import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/config';
import { JobEnvelope, JobName, JobPayloads, JOBS, QueueName } from './job-registry';
import { createRedis, withTimeout } from './redis';
import { DomainError } from '../common/errors/domain-error';

/** How long a request waits for Redis before answering 503. */
const REDIS_TIMEOUT_MS = 3_000;

export interface JobView {
  id: string;
  name: string;
  state: string;
  progress: unknown;
  result?: unknown;
  failedReason?: string;
  requestedBy: string | null;
}

/** Puts jobs on their queues and reads them back; used by the API and by the worker. */
@Injectable()
export class JobsService implements OnModuleDestroy {
  private connection?: Redis;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      this.connection ??= createRedis(this.config.redisUrl, false);
      queue = new Queue(name, { connection: this.connection, prefix: this.config.redisPrefix });
      queue.on('error', () => undefined); // connection errors surface on add(); health reports Redis
      this.queues.set(name, queue);
    }
    return queue;
  }

  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: { jobId?: string; requestedBy?: string | null; delayMs?: number } = {},
  ): Promise<string> {
    const spec = JOBS[name];
    const jobId = options.jobId ?? randomUUID();
    const envelope: JobEnvelope<N> = { payload, requestedBy: options.requestedBy ?? null };
    const added = this.queue(spec.queue).add(name, envelope, {
      jobId,
      attempts: spec.attempts,
      backoff: { type: 'exponential', delay: spec.backoffMs },
      delay: options.delayMs,
      removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    });
    await withTimeout(added, REDIS_TIMEOUT_MS).catch(() => {
      throw new DomainError('SERVICE_UNAVAILABLE', 'The job queue is not reachable; try again shortly');
    });
    return jobId;
  }

  /** Finds a job by id on any queue. */
  async find(id: string): Promise<JobView | null> {
    for (const queueName of Object.values(QueueName)) {
      const job = (await withTimeout(this.queue(queueName).getJob(id), REDIS_TIMEOUT_MS).catch(() => {
        throw new DomainError('SERVICE_UNAVAILABLE', 'The job queue is not reachable; try again shortly');
      })) as Job<JobEnvelope> | undefined;
      if (job) {
        return {
          id,
          name: job.name,
          state: await job.getState(),
          progress: job.progress,
          result: job.returnvalue ?? undefined,
          failedReason: job.failedReason || undefined,
          requestedBy: job.data.requestedBy,
        };
      }
    }
    return null;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.connection?.disconnect();
  }
}

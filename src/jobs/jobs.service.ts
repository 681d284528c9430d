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

  /** Queues many jobs of one name in one round trip; ids already queued are left as they are. */
  async enqueueMany<N extends JobName>(
    name: N,
    jobs: { payload: JobPayloads[N]; jobId: string; requestedBy?: string | null }[],
    options: { backoffMs?: number } = {},
  ): Promise<void> {
    const spec = JOBS[name];
    const added = this.queue(spec.queue).addBulk(
      jobs.map((j) => ({
        name,
        data: { payload: j.payload, requestedBy: j.requestedBy ?? null } satisfies JobEnvelope<N>,
        opts: {
          jobId: j.jobId,
          attempts: spec.attempts,
          backoff: { type: 'exponential', delay: options.backoffMs ?? spec.backoffMs },
          removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
          removeOnFail: { age: 30 * 24 * 3600 },
        },
      })),
    );
    await withTimeout(added, REDIS_TIMEOUT_MS).catch(() => {
      throw new DomainError('SERVICE_UNAVAILABLE', 'The job queue is not reachable; try again shortly');
    });
  }

  /** Finds a job by id on any queue. */
  async find(id: string): Promise<JobView | null> {
    const unreachable = () => {
      throw new DomainError('SERVICE_UNAVAILABLE', 'The job queue is not reachable; try again shortly');
    };
    for (const queueName of Object.values(QueueName)) {
      const queue = this.queue(queueName);
      // The state before the job: a job that completes in between is then read with its result.
      const state = await withTimeout(queue.getJobState(id), REDIS_TIMEOUT_MS).catch(unreachable);
      if (state === 'unknown') continue;
      const job = (await withTimeout(queue.getJob(id), REDIS_TIMEOUT_MS).catch(unreachable)) as
        Job<JobEnvelope> | undefined;
      if (!job) continue;
      return {
        id,
        name: job.name,
        state,
        progress: job.progress,
        result: job.returnvalue ?? undefined,
        failedReason: job.failedReason || undefined,
        requestedBy: job.data.requestedBy,
      };
    }
    return null;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.connection?.disconnect();
  }
}

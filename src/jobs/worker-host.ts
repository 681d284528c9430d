import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { Job, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config/config';
import { JOB_HANDLER } from './job-handler.decorator';
import { JobEnvelope, JobName, JOBS, QUEUE_CONCURRENCY, QueueName } from './job-registry';
import { JobsService } from './jobs.service';
import { createRedis } from './redis';

type Handler = (payload: unknown, job: Job<JobEnvelope>) => Promise<unknown>;

/** Finds every job handler, checks the registry against them, and runs one BullMQ worker per queue. */
export function collectHandlers(
  discovery: DiscoveryService,
  scanner: MetadataScanner,
): Map<JobName, Handler> {
  const found = new Map<JobName, Handler[]>();
  for (const wrapper of discovery.getProviders()) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance || typeof instance !== 'object') continue;
    const prototype = Object.getPrototypeOf(instance) as object;
    for (const method of scanner.getAllMethodNames(prototype)) {
      const fn = instance[method] as (...args: unknown[]) => Promise<unknown>;
      const name = Reflect.getMetadata(JOB_HANDLER, fn) as JobName | undefined;
      if (name) found.set(name, [...(found.get(name) ?? []), fn.bind(instance)]);
    }
  }
  const problems: string[] = [];
  for (const name of Object.values(JobName)) {
    const handlers = found.get(name) ?? [];
    if (handlers.length === 0) problems.push(`job ${name} has no handler`);
    if (handlers.length > 1) problems.push(`job ${name} has ${handlers.length} handlers`);
  }
  for (const name of found.keys()) {
    if (!(Object.values(JobName) as string[]).includes(name))
      problems.push(`handler for unknown job ${name}`);
  }
  if (problems.length > 0) throw new Error(`The worker cannot start: ${problems.join('; ')}`);
  return new Map([...found].map(([name, handlers]) => [name, handlers[0]]));
}

@Injectable()
export class WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly workers: Worker[] = [];
  private connection?: Redis;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly jobs: JobsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const handlers = collectHandlers(this.discovery, this.scanner);
    this.connection = createRedis(this.config.redisUrl, true);
    for (const queueName of Object.values(QueueName)) {
      const worker = new Worker<JobEnvelope>(
        queueName,
        async (job) => {
          const handler = handlers.get(job.name as JobName);
          if (!handler) throw new Error(`No handler for job ${job.name}`);
          return handler(job.data.payload, job);
        },
        {
          connection: this.connection,
          prefix: this.config.redisPrefix,
          concurrency: QUEUE_CONCURRENCY[queueName] ?? 1,
          // A killed worker's jobs go back to the queue once their lock runs out.
          lockDuration: this.config.jobLockMs,
          stalledInterval: this.config.jobLockMs,
        },
      );
      worker.on('failed', (job, error) =>
        this.logger.warn({ jobId: job?.id, job: job?.name, err: error.message }, 'job failed'),
      );
      worker.on('error', (error) => this.logger.warn({ err: error.message }, 'worker error'));
      this.workers.push(worker);
    }
    await this.scheduleRepeatables();
    this.logger.log(`Worker started: ${handlers.size} job handlers on ${this.workers.length} queues`);
  }

  private async scheduleRepeatables(): Promise<void> {
    for (const name of Object.values(JobName)) {
      const spec = JOBS[name];
      if (!spec.schedule) continue;
      await this.jobs.queue(spec.queue).upsertJobScheduler(
        name,
        { pattern: spec.schedule.pattern, tz: 'Europe/Oslo' },
        {
          name,
          data: { payload: spec.schedule.payload, requestedBy: null } satisfies JobEnvelope,
          opts: { attempts: spec.attempts, backoff: { type: 'exponential', delay: spec.backoffMs } },
        },
      );
    }
  }

  /** SIGTERM: each worker finishes the job in hand, then the connections close. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    this.connection?.disconnect();
  }
}

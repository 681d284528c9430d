/**
 * Every background job frirom knows: its name, the queue it runs on, its typed payload and its retry
 * policy. The worker refuses to start unless each job here has exactly one handler.
 */
export enum QueueName {
  Maintenance = 'maintenance',
}

export enum JobName {
  PruneLoginFailures = 'auth.prune-login-failures',
}

export interface JobPayloads {
  [JobName.PruneLoginFailures]: { olderThanMinutes: number };
}

export interface JobSpec {
  queue: QueueName;
  attempts: number;
  /** First retry delay; doubles on each attempt. */
  backoffMs: number;
  /** A repeatable job: cron pattern in Europe/Oslo, and the payload each run gets. */
  schedule?: { pattern: string };
}

export const JOBS: { [N in JobName]: JobSpec & { schedule?: { pattern: string; payload: JobPayloads[N] } } } =
  {
    [JobName.PruneLoginFailures]: {
      queue: QueueName.Maintenance,
      attempts: 3,
      backoffMs: 5_000,
      schedule: { pattern: '17 * * * *', payload: { olderThanMinutes: 24 * 60 } },
    },
  };

/** What a job carries: its payload, and who asked for it (null for the system). */
export interface JobEnvelope<N extends JobName = JobName> {
  payload: JobPayloads[N];
  requestedBy: string | null;
}

export const isJobName = (name: string): name is JobName =>
  (Object.values(JobName) as string[]).includes(name);

/**
 * Every background job frirom knows: its name, the queue it runs on, its typed payload and its retry
 * policy. The worker refuses to start unless each job here has exactly one handler.
 */
export enum QueueName {
  Maintenance = 'maintenance',
  Mail = 'mail',
  /** Season allocations: long solves kept apart from quick maintenance jobs. */
  Seasons = 'seasons',
  /** Usage rollups and evaluation reports: minutes of database work, apart from the quick jobs. */
  Statistics = 'statistics',
}

/** Jobs run at once per worker on each queue (default 1). Sending mail waits on the network. */
export const QUEUE_CONCURRENCY: Partial<Record<QueueName, number>> = { [QueueName.Mail]: 8 };

export enum JobName {
  PruneLoginFailures = 'auth.prune-login-failures',
  SendMail = 'mail.send',
  CaretakerDigest = 'mail.caretaker-digest',
  SeriesReminders = 'mail.series-reminders',
  SeasonAllocate = 'seasons.allocate',
  StatsRollup = 'stats.rollup',
  FreeUseReport = 'reports.free-use-evaluation',
  RegisterCheckUnchecked = 'organisations.register-check-unchecked',
  RegisterRecheck = 'organisations.register-recheck',
}

export interface JobPayloads {
  [JobName.PruneLoginFailures]: { olderThanMinutes: number };
  /** Sends one outbox message; the job id is the outbox id, so a message is queued once. */
  [JobName.SendMail]: { outboxId: string };
  /** Tomorrow's bookings to each caretaker, at 07:00 Oslo time. */
  [JobName.CaretakerDigest]: { date?: string };
  /** Reminds organisations two days before a series starts. */
  [JobName.SeriesReminders]: { date?: string };
  /** Proposes a season's allocation around its pins and stores it (seasons/allocation.job.ts). */
  [JobName.SeasonAllocate]: { seasonId: string };
  /** Recomputes the usage rollup of [from, to], or the nightly set (statistics/rollup.service.ts). */
  [JobName.StatsRollup]: { from: string; to: string } | { mode: 'nightly' };
  /** Builds a stored free-use evaluation report (statistics/report/report-builder.service.ts). */
  [JobName.FreeUseReport]: { reportId: string };
  /** Checks organisations stored unchecked (the register was down) against Enhetsregisteret. */
  [JobName.RegisterCheckUnchecked]: { limit?: number };
  /** Re-reads verified organisations from Enhetsregisteret and tells staff of changes that affect fees. */
  [JobName.RegisterRecheck]: { limit?: number };
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
    [JobName.SendMail]: { queue: QueueName.Mail, attempts: 6, backoffMs: 2_000 },
    [JobName.CaretakerDigest]: {
      queue: QueueName.Mail,
      attempts: 3,
      backoffMs: 60_000,
      schedule: { pattern: '0 7 * * *', payload: {} },
    },
    [JobName.SeriesReminders]: {
      queue: QueueName.Mail,
      attempts: 3,
      backoffMs: 60_000,
      schedule: { pattern: '0 8 * * *', payload: {} },
    },
    [JobName.SeasonAllocate]: { queue: QueueName.Seasons, attempts: 2, backoffMs: 10_000 },
    [JobName.StatsRollup]: {
      queue: QueueName.Statistics,
      attempts: 3,
      backoffMs: 60_000,
      schedule: { pattern: '30 2 * * *', payload: { mode: 'nightly' } },
    },
    [JobName.FreeUseReport]: { queue: QueueName.Statistics, attempts: 3, backoffMs: 2_000 },
    [JobName.RegisterCheckUnchecked]: {
      queue: QueueName.Maintenance,
      attempts: 1,
      backoffMs: 60_000,
      schedule: { pattern: '*/10 * * * *', payload: {} },
    },
    [JobName.RegisterRecheck]: {
      queue: QueueName.Maintenance,
      attempts: 3,
      backoffMs: 600_000,
      schedule: { pattern: '40 3 * * *', payload: {} },
    },
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

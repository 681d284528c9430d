import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { JobHandler } from '../jobs/job-handler.decorator';
import { JobName, JobPayloads } from '../jobs/job-registry';
import { LoginFailure } from './login-failure.entity';

/** Failed sign-ins allowed within the window, per e-mail address and per client address. */
export const LOGIN_LIMITS = { perEmail: 5, perAddress: 20, windowMinutes: 15 } as const;

/** Slows down password guessing: too many failures for one e-mail or one address → 429 for a while. */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly dataSource: DataSource) {}

  async check(email: string, address: string): Promise<void> {
    const [row] = await this.dataSource.query<
      { by_email: number; by_address: number; first_email: string | null; first_address: string | null }[]
    >(
      `SELECT count(*) FILTER (WHERE email = $1)::int AS by_email,
              count(*) FILTER (WHERE address = $2)::int AS by_address,
              extract(epoch FROM min(at) FILTER (WHERE email = $1)) AS first_email,
              extract(epoch FROM min(at) FILTER (WHERE address = $2)) AS first_address
         FROM login_failures
        WHERE at > now() - make_interval(mins => $3) AND (email = $1 OR address = $2)`,
      [email, address, LOGIN_LIMITS.windowMinutes],
    );
    const blockedSince =
      row.by_email >= LOGIN_LIMITS.perEmail
        ? Number(row.first_email)
        : row.by_address >= LOGIN_LIMITS.perAddress
          ? Number(row.first_address)
          : null;
    if (blockedSince === null) return;
    const retryAfterSeconds = Math.max(
      1,
      Math.ceil(blockedSince + LOGIN_LIMITS.windowMinutes * 60 - Date.now() / 1000),
    );
    throw new DomainError('LOGIN_THROTTLED', 'Too many failed sign-ins; try again later', {
      retryAfterSeconds,
    });
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await this.dataSource.getRepository(LoginFailure).insert({ email, address });
  }

  async clear(email: string): Promise<void> {
    await this.dataSource.getRepository(LoginFailure).delete({ email });
  }

  @JobHandler(JobName.PruneLoginFailures)
  async prune({ olderThanMinutes }: JobPayloads[JobName.PruneLoginFailures]): Promise<{ deleted: number }> {
    const [, deleted] = await this.dataSource.query<[unknown, number]>(
      'DELETE FROM login_failures WHERE at < now() - make_interval(mins => $1)',
      [Math.max(olderThanMinutes, LOGIN_LIMITS.windowMinutes)],
    );
    return { deleted };
  }
}

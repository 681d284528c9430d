import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { JobHandler } from '../jobs/job-handler.decorator';
import { JobName, JobPayloads } from '../jobs/job-registry';
import { LoginFailure } from './login-failure.entity';

/**
 * How failed sign-ins are slowed down. Nothing locks: every limit is a wait that ends.
 * - per account and address together: the first `pairFree` failures are free, then each further
 *   attempt waits 1 s after the last failure, doubling per failure, at most `maxDelaySeconds`;
 * - per address, across accounts: `perAddress` failures in `windowMinutes`, high enough for a school's
 *   or the town hall's shared address behind one proxy;
 * - per account, across addresses (a spread-out guesser): past `perAccount` failures in the window,
 *   each attempt waits 1 s doubling, at most `accountMaxDelaySeconds`, so its owner is slowed, never shut out.
 */
export const LOGIN_LIMITS = {
  pairFree: 5,
  pairWindowMinutes: 24 * 60,
  maxDelaySeconds: 15 * 60,
  perAddress: 300,
  perAccount: 30,
  accountMaxDelaySeconds: 60,
  windowMinutes: 15,
} as const;

const backoff = (over: number, cap: number): number => Math.min(2 ** over, cap);

interface Tally {
  now: number;
  pair: number;
  pair_last: number | null;
  by_address: number;
  address_first: number | null;
  by_account: number;
  account_last: number | null;
}

@Injectable()
export class LoginThrottleService {
  constructor(private readonly dataSource: DataSource) {}

  /** Throws 429 LOGIN_THROTTLED with the seconds to wait, or returns when this attempt may go ahead. */
  async check(email: string, address: string): Promise<void> {
    const [row] = await this.dataSource.query<Tally[]>(
      `SELECT extract(epoch FROM now())::float8 AS now,
              count(*) FILTER (WHERE email = $1 AND address = $2)::int AS pair,
              extract(epoch FROM max(at) FILTER (WHERE email = $1 AND address = $2))::float8 AS pair_last,
              count(*) FILTER (WHERE address = $2 AND at > now() - make_interval(mins => $4))::int AS by_address,
              extract(epoch FROM min(at) FILTER (WHERE address = $2 AND at > now() - make_interval(mins => $4)))::float8
                AS address_first,
              count(*) FILTER (WHERE email = $1 AND at > now() - make_interval(mins => $4))::int AS by_account,
              extract(epoch FROM max(at) FILTER (WHERE email = $1))::float8 AS account_last
         FROM login_failures
        WHERE (email = $1 AND at > now() - make_interval(mins => $3))
           OR (address = $2 AND at > now() - make_interval(mins => $4))`,
      [email, address, LOGIN_LIMITS.pairWindowMinutes, LOGIN_LIMITS.windowMinutes],
    );
    const L = LOGIN_LIMITS;
    const until: number[] = [];
    if (row.pair >= L.pairFree && row.pair_last !== null) {
      until.push(row.pair_last + backoff(row.pair - L.pairFree, L.maxDelaySeconds));
    }
    if (row.by_address >= L.perAddress && row.address_first !== null) {
      until.push(row.address_first + L.windowMinutes * 60);
    }
    if (row.by_account >= L.perAccount && row.account_last !== null) {
      until.push(row.account_last + backoff(row.by_account - L.perAccount, L.accountMaxDelaySeconds));
    }
    const wait = Math.max(0, ...until) - row.now;
    if (wait <= 0) return;
    throw new DomainError('LOGIN_THROTTLED', 'Too many failed sign-ins; wait a little and try again', {
      retryAfterSeconds: Math.max(1, Math.ceil(wait)),
    });
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await this.dataSource.getRepository(LoginFailure).insert({ email, address });
  }

  /** The right password ends the waits for this account, from every address. */
  async clear(email: string): Promise<void> {
    await this.dataSource.getRepository(LoginFailure).delete({ email });
  }

  @JobHandler(JobName.PruneLoginFailures)
  async prune({ olderThanMinutes }: JobPayloads[JobName.PruneLoginFailures]): Promise<{
    deleted: number;
    sessionsDeleted: number;
    resetsDeleted: number;
  }> {
    const minutes = Math.max(olderThanMinutes, LOGIN_LIMITS.pairWindowMinutes);
    const run = async (sql: string): Promise<number> =>
      (await this.dataSource.query<[unknown, number]>(sql, [minutes]))[1];
    return {
      deleted: await run('DELETE FROM login_failures WHERE at < now() - make_interval(mins => $1)'),
      // Ended sessions and links are kept a day for the admins' view, then go.
      sessionsDeleted: await run(
        `DELETE FROM sessions WHERE coalesce(revoked_at, expires_at) < now() - make_interval(mins => $1)
            AND expires_at < now()`,
      ),
      resetsDeleted: await run(
        'DELETE FROM password_resets WHERE expires_at < now() - make_interval(mins => $1)',
      ),
    };
  }
}

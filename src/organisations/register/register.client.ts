import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { mapEnhet, RegisterAnswer } from '../../core/register';
import { CircuitBreaker } from './circuit-breaker';
import { RegisterLookup } from './register-lookup.entity';

const HOUR = 3_600_000;
/** A unit's facts change seldom; a number the register did not know may be registered within the day. */
const CACHE_MS = { 200: 24 * HOUR, 410: 24 * HOUR, 404: HOUR } as const;

export const registerUnavailable = (): DomainError =>
  new DomainError(
    'REGISTER_UNAVAILABLE',
    'Enhetsregisteret cannot be reached right now; try again in a minute',
  );

/**
 * Reads Enhetsregisteret (`GET {BRREG_URL}/enheter/{orgNumber}`) through a day's cache in PostgreSQL.
 * A call slower than BRREG_TIMEOUT_MS fails; after three failures in a row the register is left alone
 * for 30 s (callers get REGISTER_UNAVAILABLE at once instead of waiting on a register that is down).
 */
@Injectable()
export class RegisterClient {
  private readonly logger = new Logger('Enhetsregisteret');
  readonly breaker = new CircuitBreaker(3, 30_000);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The register's answer; `fresh` skips the cache (the nightly check). Throws REGISTER_UNAVAILABLE. */
  async lookup(orgNumber: string, { fresh = false } = {}): Promise<RegisterAnswer> {
    if (!fresh) {
      const cached = await this.dataSource.getRepository(RegisterLookup).findOneBy({ orgNumber });
      if (cached && Date.now() - cached.fetchedAt.getTime() < CACHE_MS[cached.httpStatus]) {
        return toAnswer(orgNumber, cached.httpStatus, cached.body);
      }
    }
    const { status, body } = await this.call(orgNumber);
    await this.dataSource.query(
      `INSERT INTO register_lookups (org_number, http_status, body, fetched_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (org_number) DO UPDATE SET http_status = $2, body = $3, fetched_at = now()`,
      [orgNumber, status, body === null ? null : JSON.stringify(body)],
    );
    return toAnswer(orgNumber, status, body);
  }

  private async call(orgNumber: string): Promise<{ status: 200 | 404 | 410; body: object | null }> {
    if (!this.breaker.closed) throw registerUnavailable();
    try {
      const res = await fetch(`${this.config.brregUrl}/enheter/${orgNumber}`, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.config.brregTimeoutMs),
      });
      if (res.status === 404) {
        await res.body?.cancel();
        this.breaker.success();
        return { status: 404, body: null };
      }
      if (res.status !== 200 && res.status !== 410) throw new Error(`HTTP ${res.status}`);
      // A deleted unit's 410 carries {organisasjonsnummer, slettedato}; tolerate an empty body too.
      const text = await res.text();
      const body = (text ? JSON.parse(text) : {}) as object;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('not an object');
      this.breaker.success();
      return { status: res.status, body };
    } catch (error) {
      this.breaker.failure();
      // The reason only: org numbers of sole proprietorships point at people.
      this.logger.warn(`the register did not answer: ${(error as Error).name}: ${(error as Error).message}`);
      throw registerUnavailable();
    }
  }
}

function toAnswer(orgNumber: string, status: 200 | 404 | 410, body: object | null): RegisterAnswer {
  if (status === 404) return { found: false, orgNumber };
  return { found: true, facts: mapEnhet(orgNumber, body ?? {}, status) };
}

import { Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { hashToken, newSecretToken } from '../../common/secret-token';
import { OidcLogin } from './oidc-login.entity';

/** How long the provider may take to send the browser back. */
const AUTHORIZING_MINUTES = 10;
/** How long a person from ID-porten has to give an e-mail address. */
const NEEDS_EMAIL_MINUTES = 30;

export const invalidLogin = (): DomainError =>
  new DomainError(
    'OIDC_LOGIN_INVALID',
    'This sign-in is not under way here (it expired or was used): start again',
  );

/** Where to land after signing in: a path on this site only (no //host, no scheme), else /min-side. */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > 500) return '/min-side';
  if (!/^\/(?![/\\])[^\s\\]*$/.test(next)) return '/min-side';
  return next;
}

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The server-side half of a sign-in under way (see OidcLogin); the browser holds only its key. */
@Injectable()
export class OidcLoginsService {
  constructor(private readonly dataSource: DataSource) {}

  /** A new row for this authorization request; answers the key for the cookie. */
  async open(provider: string, checks: { state: string; nonce: string; codeVerifier: string }, next: string) {
    const { token, hash } = newSecretToken();
    // Old rows go as new ones come: nothing else needs them, and no job is needed for it.
    await this.dataSource.query('DELETE FROM oidc_logins WHERE expires_at < now()');
    await this.dataSource.getRepository(OidcLogin).insert({
      keyHash: hash,
      provider,
      phase: 'authorizing',
      state: checks.state,
      nonce: checks.nonce,
      codeVerifier: checks.codeVerifier,
      nextPath: next,
      expiresAt: new Date(Date.now() + AUTHORIZING_MINUTES * 60_000),
    });
    return token;
  }

  /**
   * Takes the row for a callback, once: it is deleted whatever happens next, so the same callback
   * replayed finds nothing. A state other than the one sent (a forged callback) is refused.
   */
  async takeForCallback(key: string | undefined, provider: string, state: unknown): Promise<OidcLogin> {
    if (!key) throw invalidLogin();
    const [rows] = await this.dataSource.query<[Record<string, unknown>[], number]>(
      `DELETE FROM oidc_logins WHERE key_hash = $1 AND phase = 'authorizing' RETURNING *`,
      [hashToken(key)],
    );
    const row = rows[0] ? this.dataSource.getRepository(OidcLogin).create(camel(rows[0])) : undefined;
    if (!row || row.expiresAt <= new Date() || row.provider !== provider) throw invalidLogin();
    if (typeof state !== 'string' || !row.state || !sameText(state, row.state)) throw invalidLogin();
    return row;
  }

  /** Keeps a person the provider vouched for, who still has to give an e-mail address. */
  async awaitEmail(
    provider: string,
    facts: { subject: string; name: string | null; idTokenSealed: string | null },
    next: string,
  ): Promise<string> {
    const { token, hash } = newSecretToken();
    await this.dataSource.getRepository(OidcLogin).insert({
      keyHash: hash,
      provider,
      phase: 'needs_email',
      subject: facts.subject,
      name: facts.name,
      idTokenSealed: facts.idTokenSealed,
      nextPath: next,
      expiresAt: new Date(Date.now() + NEEDS_EMAIL_MINUTES * 60_000),
    });
    return token;
  }

  /** The person waiting to give an address, locked for the transaction, or null. */
  async waitingForEmail(key: string | undefined, m?: EntityManager): Promise<OidcLogin | null> {
    if (!key) return null;
    const row = await (m ?? this.dataSource.manager).findOne(OidcLogin, {
      where: { keyHash: hashToken(key), phase: 'needs_email' },
      ...(m && { lock: { mode: 'pessimistic_write' as const } }),
    });
    return row && row.expiresAt > new Date() ? row : null;
  }
}

/** A raw RETURNING row's snake_case columns as the entity's properties. */
const camel = (row: Record<string, unknown>): Partial<OidcLogin> =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]),
  );

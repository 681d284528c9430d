import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/roles';
import { APP_CONFIG, AppConfig } from '../config/config';
import { SessionKind } from './session.entity';
import { TokenService } from './token.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A browser session opened through an OpenID provider, for ending the provider's session too. */
export interface OidcSessionFacts {
  provider: string;
  idTokenSealed: string | null;
}

export interface IssuedSession {
  token: string;
  sessionId: string;
  expiresAt: Date;
}

/**
 * Sessions behind every token: a row per sign-in, so one can be revoked at once. Checking a token is one
 * query on the sessions' and users' primary keys; last_seen_at is written at most every five minutes.
 */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger(SessionsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(
    userId: string,
    kind: SessionKind,
    manager?: EntityManager,
    oidc?: OidcSessionFacts,
  ): Promise<IssuedSession> {
    const m = manager ?? this.dataSource.manager;
    const [row] = await m.query<{ id: string; expires_at: Date }[]>(
      `INSERT INTO sessions (user_id, kind, expires_at, oidc_provider, oidc_id_token_sealed)
       VALUES ($1, $2, now() + make_interval(secs => $3), $4, $5)
       RETURNING id, expires_at`,
      [userId, kind, this.config.jwtTtlSeconds, oidc?.provider ?? null, oidc?.idTokenSealed ?? null],
    );
    return {
      token: this.tokens.sign({ sub: userId, sid: row.id }),
      sessionId: row.id,
      expiresAt: row.expires_at,
    };
  }

  /** The user a token names, or null when the token is bad, too old, revoked, or its user deactivated. */
  async authenticate(token: string): Promise<AuthUser | null> {
    const claims = this.tokens.verify(token);
    if (!claims || !UUID.test(claims.sid) || !UUID.test(claims.sub)) return null;
    const [row] = await this.dataSource.query<(AuthUser & { stale: boolean })[]>(
      `SELECT u.id, u.email, u.name, u.roles, u.locale, s.id AS "sessionId",
              s.last_seen_at < now() - interval '5 minutes' AS stale
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [claims.sid, claims.sub],
    );
    if (!row) return null;
    const { stale, ...user } = row;
    if (stale) {
      // Not awaited: the request need not wait for a bookkeeping write.
      this.dataSource
        .query('UPDATE sessions SET last_seen_at = now() WHERE id = $1', [row.sessionId])
        .catch((error: unknown) => this.logger.warn({ err: String(error) }, 'last_seen_at not written'));
    }
    return user;
  }

  /** Ends the session; answers the provider it was opened through, with its sealed ID token, if any. */
  async revoke(sessionId: string): Promise<OidcSessionFacts | null> {
    const [rows] = await this.dataSource.query<
      [{ provider: string | null; sealed: string | null }[], number]
    >(
      `UPDATE sessions s SET revoked_at = now(), oidc_id_token_sealed = NULL
         FROM (SELECT id, oidc_provider, oidc_id_token_sealed FROM sessions WHERE id = $1 FOR UPDATE) old
        WHERE s.id = old.id AND s.revoked_at IS NULL
        RETURNING old.oidc_provider AS provider, old.oidc_id_token_sealed AS sealed`,
      [sessionId],
    );
    const row = rows[0];
    return row?.provider ? { provider: row.provider, idTokenSealed: row.sealed } : null;
  }

  /** Ends every live session of a user, except `keep` (the caller's own, on a password change). */
  async revokeAllOf(userId: string, m: EntityManager, keep?: string): Promise<number> {
    const [, count] = await m.query<[unknown, number]>(
      `UPDATE sessions SET revoked_at = now(), oidc_id_token_sealed = NULL
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() AND id IS DISTINCT FROM $2`,
      [userId, keep ?? null],
    );
    return count;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/roles';
import { DomainError } from '../../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { humanWhen } from '../../notifications/human';
import { Outbox } from '../../notifications/outbox.service';
import { AuditService } from '../audit/audit.service';
import { LoginThrottleService } from '../login-throttle.service';
import { SessionsService } from '../sessions.service';
import { User } from '../user.entity';
import { assertAcceptablePassword } from './password-policy';

export const RESET_VALID_MINUTES = 60;
/** Unused links a user may have at once: more requests mail nothing, so nobody floods an inbox. */
const RESETS_PER_HOUR = 3;

export const hashResetToken = (token: string): string => createHash('sha256').update(token).digest('hex');

@Injectable()
export class PasswordsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly outbox: Outbox,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Changes the caller's password; every other token and session of theirs ends. */
  async change(caller: AuthUser, current: string, next: string, address: string): Promise<void> {
    // A stolen session guessing the current password is slowed like a sign-in.
    await this.throttle.check(caller.email, address);
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: caller.id });
    if (!user.passwordHash || !(await argon2.verify(user.passwordHash, current))) {
      await this.throttle.recordFailure(caller.email, address);
      await this.audit.record({
        action: 'sign_in_failed',
        userId: user.id,
        address,
        details: { reason: 'wrong_current_password' },
      });
      throw new DomainError('WRONG_PASSWORD', 'The current password is wrong');
    }
    assertAcceptablePassword(next, user);
    const passwordHash = await argon2.hash(next);
    await this.dataSource.transaction(async (m) => {
      await m.update(User, user.id, { passwordHash });
      const ended = await this.sessions.revokeAllOf(user.id, m, caller.sessionId);
      await this.audit.record(
        { action: 'password_changed', userId: user.id, address, details: { ended } },
        m,
      );
    });
  }

  /** Mails a reset link when the address belongs to an active user; the caller learns nothing either way. */
  async requestReset(email: string, address: string): Promise<void> {
    const user = await this.dataSource.getRepository(User).findOneBy({ email: email.toLowerCase() });
    if (!user || !user.active) return;
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.transaction(async (m) => {
      // Serialises a user's requests, so the cap below holds under parallel requests.
      await m.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [user.id]);
      const [{ recent }] = await m.query<{ recent: number }[]>(
        `SELECT count(*)::int AS recent FROM password_resets
          WHERE user_id = $1 AND used_at IS NULL AND created_at > now() - interval '1 hour'`,
        [user.id],
      );
      await this.audit.record(
        {
          action: 'password_reset_requested',
          userId: user.id,
          address,
          details: { mailed: recent < RESETS_PER_HOUR },
        },
        m,
      );
      if (recent >= RESETS_PER_HOUR) return;
      const [{ expires_at }] = await m.query<{ expires_at: Date }[]>(
        `INSERT INTO password_resets (user_id, token_hash, expires_at)
         VALUES ($1, $2, now() + make_interval(mins => $3)) RETURNING expires_at`,
        [user.id, hashResetToken(token), RESET_VALID_MINUTES],
      );
      const link = `${this.config.publicUrl}/glemt-passord?token=${encodeURIComponent(token)}`;
      await this.outbox.add(m, [
        {
          kind: 'password_reset',
          to: { userId: user.id, email: user.email, locale: user.locale },
          data: { name: user.name, link, validUntil: humanWhen(expires_at, user.locale) },
        },
      ]);
    });
  }

  /** Sets the password from a mailed link: the link works once; every older link and session ends. */
  async confirmReset(token: string, password: string, address: string): Promise<void> {
    const invalid = () =>
      new DomainError(
        'INVALID_RESET_TOKEN',
        'This link is not valid (used, expired or unknown): ask for a new one',
      );
    await this.dataSource.transaction(async (m) => {
      const [reset] = await m.query<{ id: string; user_id: string }[]>(
        `SELECT r.id, r.user_id FROM password_resets r JOIN users u ON u.id = r.user_id
          WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND u.active
          FOR UPDATE OF r`,
        [hashResetToken(token)],
      );
      if (!reset) throw invalid();
      const user = await m.findOneByOrFail(User, { id: reset.user_id });
      assertAcceptablePassword(password, user);
      await m.update(User, user.id, { passwordHash: await argon2.hash(password) });
      await m.query('UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [
        user.id,
      ]);
      const ended = await this.sessions.revokeAllOf(user.id, m);
      await this.audit.record({ action: 'password_reset', userId: user.id, address, details: { ended } }, m);
    });
  }
}

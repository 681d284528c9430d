import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { hashToken, newSecretToken } from '../common/secret-token';
import { APP_CONFIG, AppConfig } from '../config/config';
import { humanWhen } from '../notifications/human';
import { Outbox } from '../notifications/outbox.service';
import { EmailConfirmation } from './email-confirmation.entity';
import { User } from './user.entity';

export const CONFIRMATION_VALID_DAYS = 7;

/** The welcome mail's link that confirms a user's address. Staff see the result when they verify. */
@Injectable()
export class EmailConfirmationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Writes the welcome mail with a fresh single-use link, in the caller's transaction. */
  async sendWelcome(m: EntityManager, user: Pick<User, 'id' | 'email' | 'name' | 'locale'>): Promise<void> {
    const { token, hash } = newSecretToken();
    const expiresAt = new Date(Date.now() + CONFIRMATION_VALID_DAYS * 86_400_000);
    const { identifiers } = await m.insert(EmailConfirmation, {
      userId: user.id,
      email: user.email,
      tokenHash: hash,
      expiresAt,
    });
    await this.outbox.add(m, [
      {
        kind: 'welcome',
        to: { userId: user.id, email: user.email, locale: user.locale },
        data: {
          name: user.name,
          link: `${this.config.publicUrl}/bekreft-epost?token=${token}`,
          validUntil: humanWhen(expiresAt, user.locale),
        },
        dedupeKey: `email-confirmation:${identifiers[0].id}`,
      },
    ]);
  }

  /** Marks the address confirmed. Anyone holding the link may use it, once: it proves the mail arrived. */
  async confirm(token: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const row = await m.findOne(EmailConfirmation, {
        where: { tokenHash: hashToken(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row || row.usedAt) {
        throw new DomainError(
          'EMAIL_CONFIRMATION_INVALID',
          'This confirmation link is not valid or was used',
        );
      }
      if (row.expiresAt <= new Date()) {
        throw new DomainError('EMAIL_CONFIRMATION_EXPIRED', 'This confirmation link has expired');
      }
      await m.update(EmailConfirmation, row.id, { usedAt: new Date() });
      // A link mailed to an earlier address does not confirm the current one.
      await m.query(
        'UPDATE users SET email_confirmed_at = now() WHERE id = $1 AND email = $2 AND email_confirmed_at IS NULL',
        [row.userId, row.email],
      );
    });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, isStaff } from '../common/auth/roles';
import { DomainError, forbidden, notFound } from '../common/errors/domain-error';
import { hashToken, newSecretToken } from '../common/secret-token';
import { APP_CONFIG, AppConfig } from '../config/config';
import { humanWhen } from '../notifications/human';
import { Outbox } from '../notifications/outbox.service';
import { recordEvent } from './organisation-history';
import { OrganisationInvitation } from './organisation-invitation.entity';
import { checkContact, isContact } from './contact-access';
import { OrganisationMember } from './organisation-member.entity';
import { Organisation } from './organisation.entity';

export const INVITATION_VALID_DAYS = 7;
/** Invitations an organisation's contacts may send a day: enough for a board, too few to spam with. */
export const INVITATIONS_PER_DAY = 20;

/**
 * Contacts join an organisation only by accepting a mailed invitation while signed in; nothing else adds
 * one. Inviting answers the same whether or not the address has an account, and no answer names anyone.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Mails a single-use link valid seven days. `handOver` (staff only): on acceptance the invitee becomes
   * the organisation's only contact, for when its contacts have gone and cannot invite a successor.
   */
  async invite(organisationId: string, email: string, handOver: boolean, caller: AuthUser): Promise<void> {
    if (handOver && !isStaff(caller)) throw forbidden('Only staff hand an organisation over');
    await this.dataSource.transaction(async (m) => {
      const org = await m.findOneBy(Organisation, { id: organisationId });
      if (!org) throw notFound('Organisation');
      await checkContact(m, organisationId, caller, 'Organisation');
      if (!isStaff(caller)) await this.checkDailyLimit(m, organisationId);
      const { token, hash } = newSecretToken();
      const expiresAt = new Date(Date.now() + INVITATION_VALID_DAYS * 86_400_000);
      const { identifiers } = await m.insert(OrganisationInvitation, {
        organisationId,
        email,
        tokenHash: hash,
        invitedBy: caller.id,
        handOver,
        expiresAt,
      });
      // The address may have an account in English; a stranger's address gets the default language.
      const [account] = await m.query<{ id: string; locale: 'nb' | 'en' }[]>(
        'SELECT id, locale FROM users WHERE email = $1',
        [email],
      );
      const locale = account?.locale ?? 'nb';
      await this.outbox.add(m, [
        {
          kind: 'organisation_invitation',
          to: { userId: account?.id ?? null, email, locale },
          data: {
            organisationName: org.name,
            link: `${this.config.publicUrl}/invitasjon?token=${token}`,
            validUntil: humanWhen(expiresAt, locale),
            handOver,
          },
          dedupeKey: `invitation:${identifiers[0].id}`,
        },
      ]);
    });
  }

  /** The caller becomes a contact; the token works once and for seven days. */
  async accept(token: string, caller: AuthUser): Promise<{ organisationId: string }> {
    return this.dataSource.transaction(async (m) => {
      const invitation = await m.findOne(OrganisationInvitation, {
        where: { tokenHash: hashToken(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!invitation) throw new DomainError('INVITATION_INVALID', 'This invitation link is not valid');
      if (invitation.acceptedAt) {
        throw new DomainError('INVITATION_USED', 'This invitation has been used already');
      }
      if (invitation.expiresAt <= new Date()) {
        throw new DomainError(
          'INVITATION_EXPIRED',
          'This invitation has expired: ask the organisation for a new one',
        );
      }
      const organisationId = invitation.organisationId;
      await m.update(OrganisationInvitation, invitation.id, {
        acceptedAt: new Date(),
        acceptedBy: caller.id,
      });
      if (invitation.handOver) await this.removeOtherContacts(m, organisationId, caller.id);
      const added = await m.query<unknown[]>(
        `INSERT INTO organisation_members (organisation_id, user_id) VALUES ($1, $2)
         ON CONFLICT DO NOTHING RETURNING user_id`,
        [organisationId, caller.id],
      );
      if (invitation.handOver) await recordEvent(m, organisationId, 'handed_over', caller);
      else if (added.length > 0) await recordEvent(m, organisationId, 'contact_joined', caller);
      return { organisationId };
    });
  }

  /** The caller stops being a contact; the last contact cannot (someone must get the organisation's mail). */
  async leave(organisationId: string, caller: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      // Locked, so two last contacts leaving at once cannot both go.
      const org = await m.findOne(Organisation, {
        where: { id: organisationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!org || !(await isContact(m, organisationId, caller.id))) throw notFound('Organisation');
      if ((await m.countBy(OrganisationMember, { organisationId })) === 1) {
        throw new DomainError(
          'LAST_CONTACT',
          'You are the last contact of this organisation: invite someone to take over before you leave',
        );
      }
      await m.delete(OrganisationMember, { organisationId, userId: caller.id });
      await recordEvent(m, organisationId, 'contact_left', caller);
    });
  }

  private async checkDailyLimit(m: EntityManager, organisationId: string): Promise<void> {
    const [{ n }] = await m.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM organisation_invitations
        WHERE organisation_id = $1 AND created_at > now() - interval '1 day'`,
      [organisationId],
    );
    if (n >= INVITATIONS_PER_DAY) {
      throw new DomainError(
        'TOO_MANY_INVITATIONS',
        `An organisation may send at most ${INVITATIONS_PER_DAY} invitations a day`,
      );
    }
  }

  private async removeOtherContacts(m: EntityManager, organisationId: string, keep: string): Promise<void> {
    await m.query('DELETE FROM organisation_members WHERE organisation_id = $1 AND user_id <> $2', [
      organisationId,
      keep,
    ]);
  }
}

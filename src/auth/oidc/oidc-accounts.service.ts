import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Role, ROLES } from '../../common/auth/roles';
import { DomainError } from '../../common/errors/domain-error';
import { OidcProviderConfig } from '../../config/oidc-config';
import { AuditService } from '../audit/audit.service';
import { UserView } from '../dto/auth.dto';
import { EmailConfirmationsService } from '../email-confirmations.service';
import { SessionsService } from '../sessions.service';
import { TokenService } from '../token.service';
import { User } from '../user.entity';
import { UsersService } from '../users.service';
import { ProviderAnswer } from './oidc-client.service';
import { OidcIdentity } from './oidc-identity.entity';
import { invalidLogin, OidcLoginsService } from './oidc-logins.service';

export type OidcOutcome =
  | { kind: 'signed_in'; token: string; expiresAt: Date; user: UserView; next: string }
  /** No address to reach the person at (ID-porten): the web app asks for one; `key` goes in the cookie. */
  | { kind: 'needs_email'; key: string; next: string };

/** A string claim, trimmed, or null. */
const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value.trim() : null;

/** The name the provider gives: `name`, else given and family names. */
export function nameOf(claims: Record<string, unknown>): string | null {
  return (
    text(claims.name) ?? text([text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' '))
  );
}

/**
 * Whether the provider vouches for the `email` claim: email_verified true, or, for a provider trusted with
 * OIDC_<NAME>_TRUST_EMAIL (the municipality's own Entra tenant, which sends no email_verified), any
 * address it does not itself call unverified.
 */
export function emailVerified(provider: OidcProviderConfig, claims: Record<string, unknown>): boolean {
  const said = claims.email_verified;
  if (said === true || said === 'true') return true;
  return provider.trustEmail && said !== false && said !== 'false';
}

/** The roles claim's values that are frirom roles (Entra ID sends an array; a string is split on spaces). */
export function rolesFrom(value: unknown): Role[] {
  const values = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  const roles = ROLES.filter((r) => values.includes(r));
  return roles.length > 0 ? roles : ['applicant'];
}

/**
 * Who a provider's sign-in is in frirom: the user linked to (provider, sub); else, on the first sign-in,
 * the account with the same verified e-mail (email_verified true, or a TRUST_EMAIL provider's address;
 * never a merely claimed one), else a
 * new applicant without a password. Nothing of the claims is stored but the `sub`, the name and a
 * verified or given address; ID-porten's pid never is.
 */
@Injectable()
export class OidcAccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly confirmations: EmailConfirmationsService,
    private readonly logins: OidcLoginsService,
  ) {}

  async signIn(
    provider: OidcProviderConfig,
    answer: ProviderAnswer,
    next: string,
    address: string,
  ): Promise<OidcOutcome> {
    const sealed = this.tokens.seal(answer.idToken);
    const claims = answer.claims;
    const outcome = await this.dataSource.transaction(async (m) => {
      let userId = await this.linkedUser(m, provider.name, answer.subject);
      if (!userId) {
        const verified = emailVerified(provider, claims);
        const email = text(claims.email)?.toLowerCase() ?? null;
        const name = nameOf(claims);
        if (email && verified) {
          const existing = await m.findOneBy(User, { email });
          userId =
            existing?.id ??
            (await this.create(m, provider, email, name ?? email.split('@')[0], true, claims));
          await this.link(
            m,
            provider.name,
            answer.subject,
            userId,
            address,
            existing ? 'verified_email' : 'new_account',
          );
        } else if (email && !(await m.existsBy(User, { email }))) {
          // An address the provider does not vouch for: a new account, confirmed by mail as at registration.
          userId = await this.create(m, provider, email, name ?? email.split('@')[0], false, claims);
          await this.link(m, provider.name, answer.subject, userId, address, 'new_account');
        } else {
          const key = await this.logins.awaitEmail(
            provider.name,
            { subject: answer.subject, name, idTokenSealed: sealed },
            next,
          );
          return { kind: 'needs_email' as const, key, next };
        }
      }
      return this.open(m, provider, userId, claims, sealed, next, address);
    });
    return outcome;
  }

  /** The person from a `needs_email` sign-in gives their address: a new applicant, confirmed by mail. */
  async completeSignup(
    key: string | undefined,
    input: { email: string; name?: string },
    providers: OidcProviderConfig[],
    address: string,
  ): Promise<Extract<OidcOutcome, { kind: 'signed_in' }>> {
    return this.dataSource.transaction(async (m) => {
      const row = await this.logins.waitingForEmail(key, m);
      const provider = providers.find((p) => p.name === row?.provider);
      if (!row || !provider || !row.subject) throw invalidLogin();
      let userId = await this.linkedUser(m, provider.name, row.subject);
      if (!userId) {
        const name = row.name ?? input.name?.trim();
        if (!name) throw new DomainError('VALIDATION_FAILED', 'name must be given: the provider sent none');
        const email = input.email.toLowerCase();
        if (await m.existsBy(User, { email })) {
          throw new DomainError(
            'EMAIL_TAKEN',
            'An account with this e-mail address exists already: give another address, or sign in with that account',
          );
        }
        userId = await this.create(m, provider, email, name, false, {});
        await this.link(m, provider.name, row.subject, userId, address, 'new_account');
      }
      await m.delete('oidc_logins', { id: row.id });
      return this.open(m, provider, userId, {}, row.idTokenSealed, row.nextPath, address);
    });
  }

  private async linkedUser(m: EntityManager, provider: string, subject: string): Promise<string | null> {
    const identity = await m.findOne(OidcIdentity, {
      where: { provider, subject },
      lock: { mode: 'pessimistic_write' },
    });
    if (!identity) return null;
    await m.update(OidcIdentity, identity.id, { lastSignInAt: new Date() });
    return identity.userId;
  }

  private async create(
    m: EntityManager,
    provider: OidcProviderConfig,
    email: string,
    name: string,
    verified: boolean,
    claims: Record<string, unknown>,
  ): Promise<string> {
    const roles: Role[] = provider.rolesClaim ? rolesFrom(claims[provider.rolesClaim]) : ['applicant'];
    const user = await this.users.create(
      { email, name, password: null, roles, emailConfirmed: verified },
      m,
      { provider: provider.name },
    );
    if (!verified) await this.confirmations.sendWelcome(m, user);
    return user.id;
  }

  private async link(
    m: EntityManager,
    provider: string,
    subject: string,
    userId: string,
    address: string,
    how: 'verified_email' | 'new_account',
  ): Promise<void> {
    await m.insert(OidcIdentity, { provider, subject, userId });
    await this.audit.record({ action: 'oidc_linked', userId, address, details: { provider, how } }, m);
  }

  /** Roles from a staff provider's claim, then the browser session of the accounts work. */
  private async open(
    m: EntityManager,
    provider: OidcProviderConfig,
    userId: string,
    claims: Record<string, unknown>,
    idTokenSealed: string | null,
    next: string,
    address: string,
  ): Promise<Extract<OidcOutcome, { kind: 'signed_in' }>> {
    const user = await m.findOneOrFail(User, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
    if (!user.active) throw new DomainError('ACCOUNT_DEACTIVATED', 'This account has been deactivated');
    if (provider.rolesClaim && Object.keys(claims).length > 0) {
      const roles = rolesFrom(claims[provider.rolesClaim]);
      if ([...roles].sort().join() !== [...user.roles].sort().join()) {
        await m.update(User, userId, { roles });
        if (!roles.includes('caretaker'))
          await m.query('DELETE FROM building_caretakers WHERE user_id = $1', [userId]);
        await this.audit.record(
          {
            action: 'roles_changed',
            userId,
            address,
            details: { from: user.roles, to: roles, provider: provider.name },
          },
          m,
        );
      }
    }
    const session = await this.sessions.issue(userId, 'browser', m, {
      provider: provider.name,
      idTokenSealed,
    });
    await this.audit.record(
      { action: 'sign_in', userId, address, details: { kind: 'browser', provider: provider.name } },
      m,
    );
    const [view] = await this.users.views([await m.findOneByOrFail(User, { id: userId })]);
    return { kind: 'signed_in', token: session.token, expiresAt: session.expiresAt, user: view, next };
  }
}

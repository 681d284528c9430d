import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { AuthUser, Role } from '../common/auth/roles';
import { APP_CONFIG, AppConfig } from '../config/config';
import { DomainError } from '../common/errors/domain-error';
import { DataSource } from 'typeorm';
import { AuditService } from './audit/audit.service';
import { RegisterDto, UserView } from './dto/auth.dto';
import { EmailConfirmationsService } from './email-confirmations.service';
import { LoginThrottleService } from './login-throttle.service';
import { SessionKind } from './session.entity';
import { OidcSessionFacts, SessionsService } from './sessions.service';
import { User } from './user.entity';
import { UsersService } from './users.service';

/** Who may still use a password when PASSWORD_LOGIN is staff-only. */
const PASSWORD_ROLES: Role[] = ['staff', 'admin', 'caretaker', 'analyst'];

export interface SignedIn {
  token: string;
  sessionId: string;
  expiresAt: Date;
  user: UserView;
}

@Injectable()
export class AuthService {
  /** Verified against when the e-mail is unknown, so both failures take as long. */
  private readonly decoyHash = argon2.hash('frirom-decoy-password');

  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly confirmations: EmailConfirmationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks the password (throttled) and opens a session of the given kind: a bearer token or a browser's. */
  async signIn(email: string, password: string, address: string, kind: SessionKind): Promise<SignedIn> {
    if (this.config.passwordLogin === 'off') throw passwordLoginDisabled();
    await this.throttle.check(email, address);
    const user = await this.users.findByEmail(email);
    // An account made at an OpenID sign-in has no password: it is checked against the decoy (so it takes
    // as long) and fails even when someone types the decoy's password.
    const hash = user?.passwordHash ?? null;
    const valid = (await argon2.verify(hash ?? (await this.decoyHash), password)) && hash !== null;
    if (!user || !valid) {
      await this.throttle.recordFailure(email, address);
      // The address typed is not kept when nobody has it: it may be a mistyped password.
      const reason = user ? 'wrong_password' : 'unknown_account';
      await this.audit.record({
        action: 'sign_in_failed',
        userId: user?.id,
        address,
        details: { kind, reason },
      });
      throw new DomainError('INVALID_CREDENTIALS', 'Wrong e-mail or password');
    }
    // Said only to whoever knows the password: it tells them nothing an attacker could use.
    if (!user.active) {
      await this.audit.record({
        action: 'sign_in_failed',
        userId: user.id,
        address,
        details: { kind, reason: 'deactivated' },
      });
      throw new DomainError('ACCOUNT_DEACTIVATED', 'This account has been deactivated');
    }
    // Said only after the password checked out, so it tells nobody which addresses have accounts.
    if (this.config.passwordLogin === 'staff-only' && !user.roles.some((r) => PASSWORD_ROLES.includes(r))) {
      await this.audit.record({
        action: 'sign_in_failed',
        userId: user.id,
        address,
        details: { kind, reason: 'password_login_staff_only' },
      });
      throw passwordLoginDisabled();
    }
    await this.throttle.clear(email);
    const session = await this.sessions.issue(user.id, kind);
    await this.audit.record({ action: 'sign_in', userId: user.id, address, details: { kind } });
    return { ...session, user: await this.users.view(user.id) };
  }

  /** Ends the session or token the caller came with; answers the OpenID provider it came through, if any. */
  async signOut(caller: AuthUser, address: string): Promise<OidcSessionFacts | null> {
    if (!caller.sessionId) return null;
    const oidc = await this.sessions.revoke(caller.sessionId);
    await this.audit.record({
      action: 'sign_out',
      userId: caller.id,
      address,
      details: {
        kind: caller.via === 'cookie' ? 'browser' : 'token',
        ...(oidc && { provider: oidc.provider }),
      },
    });
    return oidc;
  }

  /** Creates an applicant and, in the same transaction, the welcome mail that confirms the address. */
  async register(dto: RegisterDto): Promise<User> {
    if (this.config.passwordLogin !== 'on') {
      throw new DomainError(
        'REGISTRATION_CLOSED',
        'Registration with a password is closed here: sign in with one of the providers instead',
      );
    }
    return this.dataSource.transaction(async (m) => {
      const user = await this.users.create({ ...dto, roles: ['applicant'] }, m, { checkPassword: true });
      await this.confirmations.sendWelcome(m, user);
      return user;
    });
  }
}

const passwordLoginDisabled = (): DomainError =>
  new DomainError(
    'PASSWORD_LOGIN_DISABLED',
    'Signing in with a password is turned off here: use the sign-in buttons',
  );

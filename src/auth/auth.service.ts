import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { AuthUser } from '../common/auth/roles';
import { DomainError } from '../common/errors/domain-error';
import { LoginAnswer, RegisterDto } from './dto/auth.dto';
import { EmailConfirmationsService } from './email-confirmations.service';
import { LoginThrottleService } from './login-throttle.service';
import { User } from './user.entity';
import { TokenService } from './token.service';
import { UsersService } from './users.service';

@Injectable()
export class AuthService {
  /** Verified against when the e-mail is unknown, so both failures take as long. */
  private readonly decoyHash = argon2.hash('frirom-decoy-password');

  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottleService,
    private readonly dataSource: DataSource,
    private readonly confirmations: EmailConfirmationsService,
  ) {}

  async login(email: string, password: string, address: string): Promise<LoginAnswer> {
    await this.throttle.check(email, address);
    const user = await this.users.findByEmail(email);
    const valid = await argon2.verify(user?.passwordHash ?? (await this.decoyHash), password);
    if (!user || !valid) {
      await this.throttle.recordFailure(email, address);
      throw new DomainError('INVALID_CREDENTIALS', 'Wrong e-mail or password');
    }
    await this.throttle.clear(email);
    const accessToken = this.tokens.sign({ sub: user.id });
    return { accessToken, user: await this.users.view(user.id) };
  }

  /** Creates an applicant and, in the same transaction, the welcome mail that confirms the address. */
  async register(dto: RegisterDto): Promise<User> {
    return this.dataSource.transaction(async (m) => {
      const user = await this.users.create({ ...dto, roles: ['applicant'] }, m);
      await this.confirmations.sendWelcome(m, user);
      return user;
    });
  }

  /** The user a bearer token names, or null when the token is bad, expired or names nobody. */
  async authenticate(token: string): Promise<AuthUser | null> {
    const claims = this.tokens.verify(token);
    if (!claims) return null;
    const [user] = await this.dataSource.query<AuthUser[]>(
      'SELECT id, email, name, roles, locale FROM users WHERE id = $1',
      [claims.sub],
    );
    return user ?? null;
  }
}

import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { AuthUser } from '../common/auth/roles';
import { DomainError } from '../common/errors/domain-error';
import { LoginAnswer, RegisterDto } from './dto/auth.dto';
import { LoginThrottleService } from './login-throttle.service';
import { User } from './user.entity';
import { UsersService } from './users.service';

interface TokenClaims {
  sub: string;
}

@Injectable()
export class AuthService {
  /** Verified against when the e-mail is unknown, so both failures take as long. */
  private readonly decoyHash = argon2.hash('frirom-decoy-password');

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottleService,
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
    const accessToken = await this.jwt.signAsync({ sub: user.id } satisfies TokenClaims);
    return { accessToken, user: await this.users.view(user.id) };
  }

  async register(dto: RegisterDto): Promise<User> {
    return this.users.create({ ...dto, roles: ['applicant'] });
  }

  /** The user a bearer token names, or null when the token is bad, expired or names nobody. */
  async authenticate(token: string): Promise<AuthUser | null> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      return null;
    }
    if (typeof claims.sub !== 'string') return null;
    const user = await this.users.findById(claims.sub);
    return (
      user && { id: user.id, email: user.email, name: user.name, roles: user.roles, locale: user.locale }
    );
  }
}

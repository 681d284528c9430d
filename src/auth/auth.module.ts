import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';
import { AuthController } from './auth.controller';
import { AuditController } from './audit/audit.controller';
import { AuditService } from './audit/audit.service';
import { AuthService } from './auth.service';
import { EmailConfirmationsService } from './email-confirmations.service';
import { resolveJwtSecret } from './jwt-secret';
import { LoginThrottleService } from './login-throttle.service';
import { OidcAccountsService } from './oidc/oidc-accounts.service';
import { OidcClientService } from './oidc/oidc-client.service';
import { OidcLoginsService } from './oidc/oidc-logins.service';
import { OidcController } from './oidc/oidc.controller';
import { PasswordsController } from './passwords/passwords.controller';
import { PasswordsService } from './passwords/passwords.service';
import { SessionController } from './session.controller';
import { SessionsService } from './sessions.service';
import { TokenService } from './token.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  controllers: [
    AuthController,
    AccountController,
    SessionController,
    PasswordsController,
    UsersController,
    AuditController,
    OidcController,
  ],
  providers: [
    AuthService,
    AccountService,
    EmailConfirmationsService,
    AuditService,
    UsersService,
    SessionsService,
    PasswordsService,
    LoginThrottleService,
    OidcClientService,
    OidcLoginsService,
    OidcAccountsService,
    {
      provide: TokenService,
      inject: [APP_CONFIG, DataSource],
      useFactory: async (config: AppConfig, dataSource: DataSource) =>
        new TokenService(await resolveJwtSecret(config, dataSource), config.jwtTtlSeconds),
    },
  ],
  exports: [UsersService, AuthService, SessionsService, TokenService, OidcClientService],
})
export class AuthModule {}

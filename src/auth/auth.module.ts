import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { EmailConfirmationsService } from './email-confirmations.service';
import { resolveJwtSecret } from './jwt-secret';
import { LoginThrottleService } from './login-throttle.service';
import { TokenService } from './token.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  controllers: [AuthController, AccountController, UsersController],
  providers: [
    AuthService,
    AccountService,
    EmailConfirmationsService,
    UsersService,
    LoginThrottleService,
    {
      provide: TokenService,
      inject: [APP_CONFIG, DataSource],
      useFactory: async (config: AppConfig, dataSource: DataSource) =>
        new TokenService(await resolveJwtSecret(config, dataSource), config.jwtTtl),
    },
  ],
  exports: [UsersService, AuthService, TokenService],
})
export class AuthModule {}

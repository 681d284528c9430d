import { ApiErrors } from '../common/errors/api-errors';
import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser, Public } from '../common/auth/decorators';
import { AuthUser } from '../common/auth/roles';
import { AuthService } from './auth.service';
import { LoginAnswer, LoginDto, MeView, RegisterDto, UserView } from './dto/auth.dto';
import { UsersService } from './users.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in; the token goes in Authorization: Bearer' })
  @ApiOkResponse({ type: LoginAnswer })
  @ApiErrors('INVALID_CREDENTIALS', 'LOGIN_THROTTLED', 'ACCOUNT_DEACTIVATED', 'PASSWORD_LOGIN_DISABLED')
  async login(@Body() dto: LoginDto, @Req() req: Request): Promise<LoginAnswer> {
    const signedIn = await this.auth.signIn(dto.email, dto.password, clientAddress(req), 'token');
    return { accessToken: signedIn.token, user: signedIn.user };
  }

  @Public()
  @Post('register')
  @ApiOperation({ summary: 'Create an applicant user (only while PASSWORD_LOGIN is on)' })
  @ApiCreatedResponse({ type: UserView })
  @ApiErrors(
    'EMAIL_TAKEN',
    'REGISTRATION_CLOSED',
    'PASSWORD_TOO_SHORT',
    'PASSWORD_TOO_LONG',
    'PASSWORD_TOO_COMMON',
    'PASSWORD_LIKE_IDENTITY',
  )
  async register(@Body() dto: RegisterDto): Promise<UserView> {
    return this.users.view((await this.auth.register(dto)).id);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user with roles, organisations and buildings' })
  @ApiOkResponse({ type: MeView })
  me(@CurrentUser() caller: AuthUser): Promise<MeView> {
    return this.users.view(caller.id);
  }
}

/** The client's address as Express sees it: behind TRUST_PROXY, from X-Forwarded-For. */
export const clientAddress = (req: Request): string => req.ip ?? 'unknown';

import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser, Public } from '../common/auth/decorators';
import { AuthUser } from '../common/auth/roles';
import { ErrorBody } from '../common/errors/error-body';
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
  @ApiUnauthorizedResponse({ type: ErrorBody, description: 'INVALID_CREDENTIALS' })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'ACCOUNT_DEACTIVATED, PASSWORD_LOGIN_DISABLED' })
  @ApiTooManyRequestsResponse({ type: ErrorBody, description: 'LOGIN_THROTTLED, with Retry-After' })
  async login(@Body() dto: LoginDto, @Req() req: Request): Promise<LoginAnswer> {
    const signedIn = await this.auth.signIn(dto.email, dto.password, clientAddress(req), 'token');
    return { accessToken: signedIn.token, user: signedIn.user };
  }

  @Public()
  @Post('register')
  @ApiOperation({ summary: 'Create an applicant user (only while PASSWORD_LOGIN is on)' })
  @ApiCreatedResponse({ type: UserView })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'REGISTRATION_CLOSED' })
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

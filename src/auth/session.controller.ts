import { ApiErrors } from '../common/errors/api-errors';
import { Body, Controller, Delete, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, Public } from '../common/auth/decorators';
import { AuthUser } from '../common/auth/roles';
import { formatInstant } from '../common/time';
import { APP_CONFIG, AppConfig } from '../config/config';
import { clientAddress } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginDto, SessionAnswer } from './dto/auth.dto';
import { OidcClientService } from './oidc/oidc-client.service';
import { SignOutAnswer } from './oidc/oidc.dto';
import { SESSION_COOKIE, sessionCookieOptions } from './session-cookie';
import { TokenService } from './token.service';

/** The browser's session (a cookie) and ending a session or token. */
@ApiTags('auth')
@Controller('auth')
export class SessionController {
  constructor(
    private readonly auth: AuthService,
    private readonly oidc: OidcClientService,
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('session')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in a browser: sets the httpOnly, SameSite=Lax cookie frirom_session',
    description:
      'A request that carries the cookie and changes something must come from the service’s own origin ' +
      '(Origin equal to PUBLIC_URL, or Sec-Fetch-Site: same-origin), else 403 CROSS_SITE_REQUEST.',
  })
  @ApiOkResponse({ type: SessionAnswer })
  @ApiErrors(
    'INVALID_CREDENTIALS',
    'ACCOUNT_DEACTIVATED',
    'CROSS_SITE_REQUEST',
    'LOGIN_THROTTLED',
    'PASSWORD_LOGIN_DISABLED',
  )
  async open(
    @Body() dto: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionAnswer> {
    const signedIn = await this.auth.signIn(dto.email, dto.password, clientAddress(req), 'browser');
    res.cookie(SESSION_COOKIE, signedIn.token, sessionCookieOptions(this.config));
    return { user: signedIn.user, expiresAt: formatInstant(signedIn.expiresAt) };
  }

  @Public()
  @Delete('session')
  @HttpCode(200)
  @ApiOperation({
    summary: 'End the browser session (and clear its cookie, also when it had expired)',
    description:
      'Answers where the browser goes next: for a session opened through an OpenID provider that supports ' +
      'RP-initiated logout, its end-session URL (with id_token_hint and post_logout_redirect_uri), so the ' +
      'provider’s session ends too; else /.',
  })
  @ApiOkResponse({ type: SignOutAnswer })
  async close(
    @CurrentUser() caller: AuthUser | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SignOutAnswer> {
    const oidc = caller?.via === 'cookie' ? await this.auth.signOut(caller, clientAddress(req)) : null;
    res.clearCookie(SESSION_COOKIE, { ...sessionCookieOptions(this.config), maxAge: undefined });
    if (!oidc) return { next: '/' };
    const idToken = oidc.idTokenSealed ? this.tokens.unseal(oidc.idTokenSealed) : null;
    return { next: (await this.oidc.endSessionUrl(oidc.provider, idToken)) ?? '/' };
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke the token or browser session this request is made with' })
  @ApiNoContentResponse()
  async logout(
    @CurrentUser() caller: AuthUser,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.auth.signOut(caller, clientAddress(req));
    if (caller.via === 'cookie') {
      res.clearCookie(SESSION_COOKIE, { ...sessionCookieOptions(this.config), maxAge: undefined });
    }
  }
}

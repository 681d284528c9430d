import { ApiErrors } from '../../common/errors/api-errors';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Logger,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiSeeOtherResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../common/auth/decorators';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { formatInstant } from '../../common/time';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { clientAddress } from '../auth.controller';
import { SESSION_COOKIE, sessionCookieOptions } from '../session-cookie';
import { OidcAccountsService, OidcOutcome } from './oidc-accounts.service';
import { OidcClientService } from './oidc-client.service';
import { OIDC_COOKIE, oidcCookieOptions, readOidcCookie } from './oidc-cookie';
import { invalidLogin, OidcLoginsService, safeNext } from './oidc-logins.service';
import { CompleteSignupDto, OidcSessionAnswer, PendingSignupView, SignInOptions } from './oidc.dto';

/** Sign-in with OpenID Connect (ID-porten, Entra ID, …): DESIGN.md "Registers and sign-in". */
@ApiTags('auth')
@Controller('auth/oidc')
export class OidcController {
  private readonly logger = new Logger(OidcController.name);

  constructor(
    private readonly oidc: OidcClientService,
    private readonly logins: OidcLoginsService,
    private readonly accounts: OidcAccountsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('providers')
  @ApiOperation({ summary: 'How one may sign in here: the configured providers, and whether by password' })
  @ApiOkResponse({ type: SignInOptions })
  providers(): SignInOptions {
    return {
      providers: this.config.oidcProviders.map((p) => ({ name: p.name, displayName: p.displayName })),
      passwordLogin: this.config.passwordLogin,
    };
  }

  @Public()
  @Get(':provider/login')
  @ApiOperation({
    summary: 'Sends the browser to the provider (authorization code flow, PKCE S256, state and nonce)',
    description:
      'Sets the httpOnly cookie frirom_oidc (the key of the sign-in kept server-side). When the provider ' +
      'cannot be reached, sends the browser to /logg-inn?feil=OIDC_PROVIDER_UNAVAILABLE.',
  })
  @ApiQuery({ name: 'neste', required: false, description: 'A path on this site to land on afterwards' })
  @ApiFoundResponse({ description: 'To the provider’s authorization endpoint' })
  async login(@Param('provider') name: string, @Query('neste') neste: unknown, @Res() res: Response) {
    const provider = this.oidc.provider(name);
    if (!provider) throw notFound('OpenID provider');
    const next = safeNext(neste);
    try {
      const start = await this.oidc.start(provider);
      const key = await this.logins.open(provider.name, start, next);
      res.cookie(OIDC_COOKIE, key, oidcCookieOptions(this.config, 10));
      res.redirect(302, start.url);
    } catch (error) {
      res.redirect(303, signInPage(error, next));
    }
  }

  @Public()
  @Get(':provider/callback')
  @ApiOperation({
    summary: 'Where the provider sends the browser back: checks state, code, PKCE, nonce and the ID token',
    description:
      'Signs in (the browser session cookie frirom_session) and sends the browser to `neste`; a person ' +
      'the provider gave no e-mail address (ID-porten) to /logg-inn/e-post first. A forged, replayed or ' +
      'expired callback, or one the provider refused, goes to /logg-inn?feil=<code> with no session; so ' +
      'does an ID token whose acr is not a level OIDC_<NAME>_ACR_VALUES accepts (OIDC_ASSURANCE_TOO_LOW).',
  })
  @ApiSeeOtherResponse({ description: 'Into the web app' })
  async callback(@Param('provider') name: string, @Req() req: Request, @Res() res: Response) {
    const provider = this.oidc.provider(name);
    if (!provider) throw notFound('OpenID provider');
    const address = clientAddress(req);
    // The cookie is single-use whatever happens.
    res.clearCookie(OIDC_COOKIE, { ...oidcCookieOptions(this.config, 0), maxAge: undefined });
    let next = '/min-side';
    try {
      const row = await this.logins.takeForCallback(readOidcCookie(req), provider.name, req.query.state);
      next = row.nextPath;
      const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
      const answer = await this.oidc.finish(provider, query, {
        state: row.state!,
        nonce: row.nonce!,
        codeVerifier: row.codeVerifier!,
      });
      const outcome = await this.accounts.signIn(provider, answer, next, address);
      this.land(res, outcome);
    } catch (error) {
      if (!(error instanceof DomainError)) this.logger.error({ err: error }, 'OpenID callback failed');
      await this.audit.record({
        action: 'sign_in_failed',
        address,
        details: { kind: 'oidc', provider: provider.name, reason: reasonOf(error) },
      });
      res.redirect(303, signInPage(error, next));
    }
  }

  @Public()
  @Get('signup')
  @ApiErrors('OIDC_LOGIN_INVALID')
  @ApiOperation({ summary: 'The sign-in waiting for an e-mail address (ID-porten gives none), if any' })
  @ApiOkResponse({ type: PendingSignupView })
  async pending(@Req() req: Request): Promise<PendingSignupView> {
    const row = await this.logins.waitingForEmail(readOidcCookie(req));
    const provider = row && this.oidc.provider(row.provider);
    if (!row || !provider) throw invalidLogin();
    return {
      provider: provider.name,
      displayName: provider.displayName,
      needsName: !row.name,
      next: row.nextPath,
    };
  }

  @Public()
  @Post('signup')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Give the e-mail address the provider did not: makes the account, mails a confirmation link, signs in',
  })
  @ApiOkResponse({ type: OidcSessionAnswer })
  @ApiErrors('EMAIL_TAKEN', 'OIDC_LOGIN_INVALID')
  async completeSignup(
    @Body() dto: CompleteSignupDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OidcSessionAnswer> {
    const outcome = await this.accounts.completeSignup(
      readOidcCookie(req),
      dto,
      this.config.oidcProviders,
      clientAddress(req),
    );
    res.clearCookie(OIDC_COOKIE, { ...oidcCookieOptions(this.config, 0), maxAge: undefined });
    res.cookie(SESSION_COOKIE, outcome.token, sessionCookieOptions(this.config));
    return { user: outcome.user, expiresAt: formatInstant(outcome.expiresAt), next: outcome.next };
  }

  private land(res: Response, outcome: OidcOutcome): void {
    if (outcome.kind === 'needs_email') {
      res.cookie(OIDC_COOKIE, outcome.key, oidcCookieOptions(this.config, 30));
      res.redirect(303, `/logg-inn/e-post?neste=${encodeURIComponent(outcome.next)}`);
      return;
    }
    res.cookie(SESSION_COOKIE, outcome.token, sessionCookieOptions(this.config));
    res.redirect(303, outcome.next);
  }
}

const reasonOf = (error: unknown): string =>
  error instanceof DomainError
    ? [error.code, (error.details as { reason?: string } | undefined)?.reason].filter(Boolean).join(':')
    : 'internal';

/** The sign-in page, saying what went wrong (an error code the page words), keeping where to go. */
function signInPage(error: unknown, next: string): string {
  const code = error instanceof DomainError ? error.code : 'OIDC_LOGIN_FAILED';
  return `/logg-inn?feil=${code}&neste=${encodeURIComponent(next)}`;
}

import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { IS_PUBLIC, REQUIRED_ROLES } from '../common/auth/decorators';
import { AuthUser, Role } from '../common/auth/roles';
import { DomainError } from '../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../config/config';
import { isSameOriginOrSafe, readBearer, readSessionCookie } from './session-cookie';
import { SessionsService } from './sessions.service';

/**
 * Every route needs a signed-in user unless marked @Public(); @Roles(...) restricts further.
 * The caller is named by a bearer token or, for browsers, the session cookie; a bearer header wins.
 * On public routes a valid credential still identifies the caller.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly publicOrigin: string;

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.publicOrigin = new URL(config.publicUrl).origin;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();

    const bearer = readBearer(req);
    const cookie = bearer ? undefined : readSessionCookie(req);
    // Checked before anything else, so a forged cross-site request writes nothing, not even on a public route.
    if (cookie && !isSameOriginOrSafe(req, this.publicOrigin)) {
      throw new DomainError(
        'CROSS_SITE_REQUEST',
        'A request signed in with the session cookie must come from the service’s own pages',
      );
    }
    const token = bearer ?? cookie;
    const user = token ? await this.sessions.authenticate(token) : null;
    if (user) req.user = { ...user, via: bearer ? 'bearer' : 'cookie' };

    if (isPublic) return true;
    if (!user) throw new DomainError('UNAUTHENTICATED', 'Sign in first: send Authorization: Bearer <token>');
    if (roles && !roles.some((r) => user.roles.includes(r))) {
      throw new DomainError('FORBIDDEN', `Only ${roles.join(', ')} may do this`);
    }
    return true;
  }
}

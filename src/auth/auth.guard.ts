import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { IS_PUBLIC, REQUIRED_ROLES } from '../common/auth/decorators';
import { AuthUser, Role } from '../common/auth/roles';
import { DomainError } from '../common/errors/domain-error';
import { AuthService } from './auth.service';

/**
 * Every route needs a signed-in user unless marked @Public(); @Roles(...) restricts further.
 * On public routes a valid token still identifies the caller.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();

    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const user = token ? await this.auth.authenticate(token) : null;
    if (user) req.user = user;

    if (isPublic) return true;
    if (!user) throw new DomainError('UNAUTHENTICATED', 'Sign in first: send Authorization: Bearer <token>');
    if (roles && !roles.some((r) => user.roles.includes(r))) {
      throw new DomainError('FORBIDDEN', `Only ${roles.join(', ')} may do this`);
    }
    return true;
  }
}

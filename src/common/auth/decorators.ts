import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiForbiddenResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { ErrorBody } from '../errors/error-body';
import { AuthUser, Role } from './roles';

export const IS_PUBLIC = 'frirom:public';
export const REQUIRED_ROLES = 'frirom:roles';

/** Anyone may call this route, signed in or not. */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension('x-public', true));

/**
 * Only callers holding one of these roles may call this route (admin always may). The roles are written
 * into the OpenAPI document as `x-roles`, which the robustness test reads.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => {
  const allowed = [...new Set<Role>(['admin', ...roles])];
  return applyDecorators(
    SetMetadata(REQUIRED_ROLES, allowed),
    ApiExtension('x-roles', allowed),
    ApiForbiddenResponse({ description: `Only ${allowed.join(', ')}`, type: ErrorBody }),
  );
};

export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthUser | undefined => {
    return ctx.switchToHttp().getRequest<Request & { user?: AuthUser }>().user;
  },
);

import { parse } from 'cookie';
import type { CookieOptions, Request } from 'express';
import { AppConfig } from '../config/config';

export const SESSION_COOKIE = 'frirom_session';

/** httpOnly (no script reads it), SameSite=Lax, Secure when the service is public over https. */
export function sessionCookieOptions(config: AppConfig): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicUrl.startsWith('https:'),
    path: '/',
    maxAge: config.jwtTtlSeconds * 1000,
  };
}

/** The session cookie's value, if the request carries one. */
export function readSessionCookie(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  return parse(header)[SESSION_COOKIE] || undefined;
}

export function readBearer(req: Request): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request that rides on the cookie may change something: it must come from the service's own
 * origin. SameSite=Lax already keeps the cookie off most cross-site requests; this also covers
 * same-site sibling hosts and old browsers. Browsers send Origin on every such request and
 * Sec-Fetch-Site on all modern ones.
 */
export function isSameOriginOrSafe(req: Request, publicOrigin: string): boolean {
  if (SAFE_METHODS.has(req.method)) return true;
  if (req.headers['sec-fetch-site'] === 'same-origin') return true;
  return req.headers.origin === publicOrigin;
}

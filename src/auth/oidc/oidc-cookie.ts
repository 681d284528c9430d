import { parse } from 'cookie';
import type { CookieOptions, Request } from 'express';
import { AppConfig } from '../../config/config';

/**
 * The key of a sign-in under way (the state, nonce and PKCE verifier stay server-side, in oidc_logins):
 * random, httpOnly, SameSite=Lax so it comes back on the provider's top-level redirect to the callback,
 * and on the site's own pages (the e-mail step of ID-porten's sign-in).
 */
export const OIDC_COOKIE = 'frirom_oidc';

export function oidcCookieOptions(config: AppConfig, minutes: number): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicUrl.startsWith('https:'),
    path: '/',
    maxAge: minutes * 60_000,
  };
}

export function readOidcCookie(req: Request): string | undefined {
  const header = req.headers.cookie;
  return header ? parse(header)[OIDC_COOKIE] || undefined : undefined;
}

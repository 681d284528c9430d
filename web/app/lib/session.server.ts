import { type AppLoadContext, redirect } from 'react-router';
import { apiFor, SESSION_COOKIE } from '../api/client';
import { readCookie } from '../i18n/i18n';
import type { components } from '../api/schema';

export type SignedInUser = components['schemas']['UserView'];

/**
 * Who asked, per request: the root loader (the header) and a page's or layout's loaders run for the
 * same request object, and all of them ask currentUser; the API is asked once.
 */
const asked = new WeakMap<Request, Promise<SignedInUser | null>>();

/** The signed-in user of this request, or null (no session, or one that has ended). */
export function currentUser(request: Request, context: AppLoadContext): Promise<SignedInUser | null> {
  let user = asked.get(request);
  if (!user) {
    // Without the session cookie nobody is signed in: no need to ask the API.
    user = readCookie(request, SESSION_COOKIE)
      ? apiFor(request, context)
          .client.GET('/auth/me')
          .then(({ data }) => data ?? null)
      : Promise.resolve(null);
    asked.set(request, user);
  }
  return user;
}

/**
 * For a page that needs sign-in: the user, or a redirect to /logg-inn?neste=<this page>, which sends them
 * back here after signing in. With `roles`, a user with none of them gets the 403 page.
 */
export async function requireUser(
  request: Request,
  context: AppLoadContext,
  roles?: readonly string[],
): Promise<SignedInUser> {
  const user = await currentUser(request, context);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/logg-inn?neste=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (roles && !roles.some((r) => (user.roles as string[]).includes(r))) {
    throw new Response('Forbidden', { status: 403 });
  }
  return user;
}

import { type AppLoadContext, redirect } from 'react-router';
import { apiFor } from '../api/client';
import type { components } from '../api/schema';

export type SignedInUser = components['schemas']['UserView'];

/** The signed-in user of this request, or null (no session, or one that has ended). */
export async function currentUser(request: Request, context: AppLoadContext): Promise<SignedInUser | null> {
  const { data } = await apiFor(request, context).client.GET('/auth/me');
  return data ?? null;
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

import { redirect } from 'react-router';
import { apiFor } from '../api/client';
import type { Route } from './+types/logg-ut';

/**
 * The header's sign-out button posts here: DELETE /auth/session clears the cookie and answers where to go:
 * the provider's end-session page when the session came from one (ID-porten, Entra ID), which sends the
 * browser back to the front page, else the front page itself.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const api = apiFor(request, context);
  const { data } = await api.client.DELETE('/auth/session');
  throw redirect(data?.next ?? '/', { headers: api.headers });
}

/** A sign-out is a POST; a visit here just goes home. */
export function loader() {
  throw redirect('/');
}

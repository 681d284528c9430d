import { redirect } from 'react-router';
import { apiFor } from '../api/client';
import type { Route } from './+types/logg-ut';

/** The header's sign-out button posts here: DELETE /auth/session clears the cookie, then the front page. */
export async function action({ request, context }: Route.ActionArgs) {
  const api = apiFor(request, context);
  await api.client.DELETE('/auth/session');
  throw redirect('/', { headers: api.headers });
}

/** A sign-out is a POST; a visit here just goes home. */
export function loader() {
  throw redirect('/');
}

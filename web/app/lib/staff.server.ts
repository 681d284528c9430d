import type { AppLoadContext } from 'react-router';
import type { Middleware } from 'openapi-fetch';
import { type ApiClient, apiFor, need } from '../api/client';
import { keptList } from './kept-lists.server';
import { requireUser } from './session.server';

/**
 * The API for a staff page: the user must be signed in with the staff role (else /logg-inn?neste= or
 * the 403 page). Each staff loader and action calls it, since they run side by side with the layout's.
 */
export async function staffApi(request: Request, context: AppLoadContext) {
  await requireUser(request, context, ['staff']);
  return apiFor(request, context);
}

/**
 * The API for a staff page's loader, with the staff check asked beside the page's own calls rather
 * than before them (one round trip less on every page): /auth/me starts at once, and each API answer
 * waits for it, so a caller who is not staff gets the sign-in redirect or the 403 page, as with
 * requireUser, and never the page's data, even from a data request that runs this loader alone.
 */
export function staffReader(request: Request, context: AppLoadContext) {
  const api = apiFor(request, context);
  const allowed = requireUser(request, context, ['staff']);
  allowed.catch(() => undefined); // answered where awaited, below
  const checked: Middleware = {
    async onResponse({ response }) {
      await allowed;
      return response;
    },
  };
  api.client.use(checked);
  return api;
}

/** A form's text field, trimmed; '' when missing. */
export const field = (form: FormData, name: string): string => {
  const v = form.get(name);
  return typeof v === 'string' ? v.trim() : '';
};

/** A form's number field, or undefined when it is not a whole number. */
export const intField = (form: FormData, name: string): number | undefined => {
  const v = field(form, name);
  return /^\d+$/.test(v) ? Number(v) : undefined;
};

/** The building filter's choices (id and name), kept briefly per process (./kept-lists.server.ts). */
export function buildingsFilter(client: ApiClient): Promise<{ id: string; name: string }[]> {
  return keptList('buildings', () =>
    client
      .GET('/buildings', { params: { query: { limit: 500 } } })
      .then(need)
      .then((page) => page.items.map((b) => ({ id: b.id, name: b.name }))),
  );
}

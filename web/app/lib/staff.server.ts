import { type AppLoadContext, redirect } from 'react-router';
import type { Middleware } from 'openapi-fetch';
import { apiFor } from '../api/client';
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
 * The API for a staff page's loader, without asking /auth/me first: the layout's loader (side by side)
 * already checks the user, and the API checks every call. An API answer of 401 (no session, or one
 * that has ended) becomes the redirect to /logg-inn?neste=<this page>, a 403 the 403 page, as
 * requireUser does; so a loader needs no sign-in round trip of its own.
 */
export function staffReader(request: Request, context: AppLoadContext) {
  const api = apiFor(request, context);
  const signIn: Middleware = {
    onResponse({ response }) {
      if (response.status === 401) {
        const url = new URL(request.url);
        throw redirect(`/logg-inn?neste=${encodeURIComponent(url.pathname + url.search)}`);
      }
      if (response.status === 403) throw new Response('Forbidden', { status: 403 });
      return response;
    },
  };
  api.client.use(signIn);
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

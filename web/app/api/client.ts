import createClient, { type Middleware } from 'openapi-fetch';
import type { AppLoadContext } from 'react-router';
import { langOf } from '../i18n/i18n';
import { cachedFetch } from './public-cache';
import type { paths } from './schema';
import '../context';

/** The user's browser session (the accounts part sets it with POST /auth/session). */
export const SESSION_COOKIE = 'frirom_session';
/** The key of an OpenID sign-in under way (its e-mail step, /logg-inn/e-post, needs it). */
export const OIDC_COOKIE = 'frirom_oidc';

export type ApiClient = ReturnType<typeof createClient<paths>>;

export interface Api {
  /** Typed calls: `const { data, error } = await api.client.GET('/rooms/{id}', { params: { path: { id } } })` */
  client: ApiClient;
  /**
   * Set-Cookie headers the API answered with (e.g. sign-in); pass them on with the page's answer:
   * `return redirect('/min-side', { headers: api.headers })` or `data(value, { headers: api.headers })`.
   */
  headers: Headers;
}

/**
 * The API as this request's user sees it: over HTTP on this same process, with the user's session
 * cookie and language passed on, so the API answers (and words its errors) as for them; anonymous
 * answers the API marks as public are reused briefly (./public-cache.ts). Server only:
 * call it in a loader or an action, never in a component.
 */
export function apiFor(request: Request, context: AppLoadContext): Api {
  const headers = new Headers();
  const forward: Middleware = {
    onRequest({ request: outgoing }) {
      outgoing.headers.set('accept-language', langOf(request));
      const cookies = apiCookies(request);
      if (cookies) outgoing.headers.set('cookie', cookies);
      // The API refuses a change riding on the cookie unless the browser's request came from this site:
      // pass on what the browser said about where the form was sent from, so that check covers pages too.
      for (const name of ['origin', 'sec-fetch-site']) {
        const value = request.headers.get(name);
        if (value) outgoing.headers.set(name, value);
      }
      return outgoing;
    },
    onResponse({ response }) {
      for (const cookie of response.headers.getSetCookie()) headers.append('set-cookie', cookie);
      return response;
    },
  };
  const client = createClient<paths>({ baseUrl: context.apiBaseUrl, fetch: cachedFetch });
  client.use(forward);
  return { client, headers };
}

/** Only the API's own cookies go to it, not whatever else the browser holds for this site. */
function apiCookies(request: Request): string | undefined {
  const cookies = (request.headers.get('cookie') ?? '').split(';').map((c) => c.trim());
  const ours = cookies.filter((c) => c.startsWith(`${SESSION_COOKIE}=`) || c.startsWith(`${OIDC_COOKIE}=`));
  return ours.length > 0 ? ours.join('; ') : undefined;
}

/** An API error as it answers: `{statusCode, code, message, details?}`, the message in the user's language. */
export interface ApiError {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

/** A loader's "this does not exist": the 404 page, rendered by the nearest error boundary. */
export function notFound(): never {
  throw new Response('Not found', { status: 404 });
}

/** Data or throw: for calls a page cannot do without. A 404 from the API becomes the page's 404. */
export function need<D>(result: { data?: D; error?: unknown; response: Response }): D {
  if (result.data !== undefined) return result.data;
  if (result.response.status === 404) notFound();
  throw new Response(JSON.stringify(result.error ?? null), { status: result.response.status });
}

/**
 * The API's error for a call that failed (status, code and the message in the user's language, to show
 * as given), or null when it succeeded. Typed loosely on purpose: not every route documents its 4xx.
 */
export function errorOf(result: { error?: unknown; response: Response }): ApiError | null {
  return result.response.ok ? null : ((result.error ?? { statusCode: result.response.status }) as ApiError);
}

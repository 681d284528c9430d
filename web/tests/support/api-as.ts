import { type APIRequestContext, type Page, request } from '@playwright/test';
import { Client } from 'pg';

/*
 * Signing in from a test through the API (until the sign-in page lands, and to set up data beside the
 * browser): the session cookie lands in the page's context, or in a request context of its own.
 */

const baseURL = (): string => process.env.FRIROM_WEB_URL!;

/** The browser of `page` signed in as this user. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  const res = await page.request.post('/auth/session', {
    data: { email, password },
    headers: { origin: baseURL(), 'sec-fetch-site': 'same-origin' },
  });
  if (!res.ok()) throw new Error(`sign-in as ${email}: ${res.status()} ${await res.text()}`);
}

/** An API client signed in as this user; its changes carry the site's origin, as a browser's do. */
export async function apiAs(email: string, password: string): Promise<APIRequestContext> {
  const api = await request.newContext({
    baseURL: baseURL(),
    extraHTTPHeaders: { 'sec-fetch-site': 'same-origin' },
  });
  const res = await api.post('/auth/session', { data: { email, password } });
  if (!res.ok()) throw new Error(`sign-in as ${email}: ${res.status()} ${await res.text()}`);
  return api;
}

/** JSON of a call that must succeed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- setup data, read loosely
export async function ok<T = any>(call: Promise<import('@playwright/test').APIResponse>): Promise<T> {
  const res = await call;
  if (!res.ok()) throw new Error(`${res.url()}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** SQL on the service's own test database (global-setup), for what the API refuses on purpose. */
export async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: process.env.FRIROM_WEB_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * A small shared cache for the server's calls to the API: anonymous GETs (no cookie sent) whose answer
 * says `Cache-Control: public, max-age=N` are reused for N seconds, as a proxy in front of the API would.
 * The API decides what may be reused (public, non-personal lists: organisations, the week's activities,
 * exemption rules, buildings); anything personal, failed or uncached (free rooms) is always asked for.
 */
interface Entry {
  expires: number;
  status: number;
  headers: [string, string][];
  body: string;
}

const MAX_ENTRIES = 500;
const entries = new Map<string, Entry>();

const keyOf = (request: Request) => `${request.headers.get('accept-language') ?? ''} ${request.url}`;

function maxAgeOf(response: Response): number {
  const cacheControl = response.headers.get('cache-control') ?? '';
  if (!/\bpublic\b/.test(cacheControl) || /\b(private|no-store|no-cache)\b/.test(cacheControl)) return 0;
  return Number(/\bmax-age=(\d+)/.exec(cacheControl)?.[1] ?? 0);
}

const answer = (entry: Entry) => new Response(entry.body, { status: entry.status, headers: entry.headers });

export async function cachedFetch(input: Request): Promise<Response> {
  if (input.method !== 'GET' || input.headers.has('cookie')) return fetch(input);
  const key = keyOf(input);
  const hit = entries.get(key);
  const now = Date.now();
  if (hit && hit.expires > now) return answer(hit);
  if (hit) entries.delete(key);
  const response = await fetch(input);
  const maxAge = response.status === 200 ? maxAgeOf(response) : 0;
  if (maxAge <= 0) return response;
  const entry: Entry = {
    expires: now + maxAge * 1000,
    status: response.status,
    headers: [...response.headers].filter(([name]) => name !== 'set-cookie'),
    body: await response.text(),
  };
  // Oldest first out: a Map keeps insertion order.
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(key, entry);
  return answer(entry);
}

/**
 * Where to go after signing in: `?neste=` only when it is a path on this site (`/min-side?x=1`), never an
 * absolute or protocol-relative address (`https://evil.example`, `//evil.example`, `/\evil.example`), so a
 * link cannot send someone elsewhere after they typed their password here.
 */
export function safeNext(value: unknown, fallback = '/min-side'): string {
  if (typeof value !== 'string' || value === '') return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\\]/.test(value)) return fallback;
  try {
    const url = new URL(value, 'http://frirom.invalid');
    if (url.origin !== 'http://frirom.invalid') return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}

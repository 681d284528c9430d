import type { Request } from 'express';
import type { AuthUser } from '../auth/roles';
import { Locale } from './messages';

const SERVED: [RegExp, Locale][] = [
  [/^en(-|$)/i, 'en'],
  [/^(nb|no|nn)(-|$)/i, 'nb'],
];

/**
 * The language an Accept-Language header asks for, by q-value: the best-rated tag frirom can serve
 * (en → English; nb, no, nn → bokmål). Anything else, or nothing servable, is bokmål. Undefined when
 * the header is absent, empty or ranks `*` (any language) first: Node's fetch sends `*` by default.
 */
export function negotiateLocale(header: string | undefined): Locale | undefined {
  if (!header?.trim()) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((t) => t.tag && Number.isFinite(t.q) && t.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  if (ranked.length === 0 || ranked[0].tag === '*') return undefined; // any language will do: none asked
  for (const { tag } of ranked) {
    const served = SERVED.find(([pattern]) => pattern.test(tag));
    if (served) return served[1];
  }
  return 'nb';
}

/**
 * The language of an error answer: an Accept-Language header, when sent, decides; otherwise the
 * signed-in user's locale; otherwise bokmål.
 */
export function requestLocale(req: Request & { user?: AuthUser }): Locale {
  return negotiateLocale(req.headers['accept-language']) ?? req.user?.locale ?? 'nb';
}

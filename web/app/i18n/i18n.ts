import { useRouteLoaderData } from 'react-router';
import enUrl from './en.json?url';
import nbUrl from './nb.json?url';

/** Bokmål is the default; English the other. Paths stay Norwegian in both. */
export const LANGS = ['nb', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type MessageKey = keyof typeof import('./nb.json');
export type Vars = Record<string, string | number>;
export type Catalogue = Record<MessageKey, string>;

/**
 * The catalogues known here. The server holds both (./catalogues.server.ts, from entry.server.tsx); a
 * browser fetches only its page's language before the page comes alive (entry.client.tsx), since the
 * language changes only by a whole page load (?lang=). Fetched as JSON, cached for a year by its hash.
 */
const catalogues: Partial<Record<Lang, Catalogue>> = {};

export function addCatalogue(lang: Lang, messages: Catalogue): void {
  catalogues[lang] = messages;
}

/** Where a language's catalogue is fetched from (the root layout preloads it). */
export const CATALOGUE_URL: Record<Lang, string> = { nb: nbUrl, en: enUrl };

/** In the browser: the page's language's catalogue, before hydrating; false when it could not be had. */
export async function loadCatalogue(lang: Lang): Promise<boolean> {
  if (!catalogues[lang]) {
    const response = await fetch(CATALOGUE_URL[lang]).catch(() => null);
    if (!response?.ok) return false;
    addCatalogue(lang, (await response.json()) as Catalogue);
  }
  return true;
}

/** The cookie that remembers a choice made with ?lang= (a year). */
export const LANG_COOKIE = 'frirom_lang';

export const isLang = (value: unknown): value is Lang => LANGS.includes(value as Lang);

/** A message with {name} placeholders filled in; an unknown key shows itself, so it is noticed. */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const text = catalogues[lang]?.[key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole)) : text;
}

export function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/** The language of a request: ?lang=, then the remembered cookie, then bokmål. */
export function langOf(request: Request): Lang {
  const asked = new URL(request.url).searchParams.get('lang');
  if (isLang(asked)) return asked;
  const remembered = readCookie(request, LANG_COOKIE);
  return isLang(remembered) ? remembered : 'nb';
}

/** The language the root loader chose for this page. */
export function useLang(): Lang {
  const root = useRouteLoaderData<{ lang: Lang }>('root');
  return root?.lang ?? 'nb';
}

export type T = (key: MessageKey, vars?: Vars) => string;

/** `const t = useT(); t('home.title')` in a component. */
export function useT(): T {
  const lang = useLang();
  return (key, vars) => translate(lang, key, vars);
}

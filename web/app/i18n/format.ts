import type { Lang } from './i18n';

// Norwegian formats through Intl, always in Oslo time: "tirsdag 7. september 2027 kl. 18:00", "1 162,50 kr".
const ZONE = 'Europe/Oslo';
const LOCALE: Record<Lang, string> = { nb: 'nb-NO', en: 'en-GB' };

// Keyed by the options object itself (each format below has its own): no key to build on every call.
const cache = new Map<Intl.DateTimeFormatOptions, Partial<Record<Lang, Intl.DateTimeFormat>>>();
function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let byLang = cache.get(options);
  if (!byLang) cache.set(options, (byLang = {}));
  return (byLang[lang] ??= new Intl.DateTimeFormat(LOCALE[lang], { timeZone: ZONE, ...options }));
}

const DATE: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
const DATE_TIME: Intl.DateTimeFormatOptions = { ...DATE, hour: '2-digit', minute: '2-digit' };
const SHORT_DATE: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const MONTH: Intl.DateTimeFormatOptions = { month: 'long' };

const toDate = (value: string | Date): Date => (typeof value === 'string' ? new Date(value) : value);

/** tirsdag 7. september 2027 kl. 18:00 / Tuesday, 7 September 2027 at 18:00 */
export const formatDateTime = (value: string | Date, lang: Lang): string =>
  dateFormat(lang, DATE_TIME).format(toDate(value));

/** tirsdag 7. september 2027 */
export const formatDate = (value: string | Date, lang: Lang): string =>
  dateFormat(lang, DATE).format(toDate(value));

/** 7. sep. — short, for a week's column heads */
export const formatShortDate = (value: string | Date, lang: Lang): string =>
  dateFormat(lang, SHORT_DATE).format(toDate(value));

/** 18:00 */
export const formatTime = (value: string | Date, lang: Lang): string =>
  dateFormat(lang, TIME).format(toDate(value));

/** A calendar date (YYYY-MM-DD, no time) as a long date; noon UTC keeps it on that day in Oslo. */
export const formatDay = (isoDate: string, lang: Lang): string => formatDate(`${isoDate}T12:00:00Z`, lang);

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = lang + JSON.stringify(options);
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE[lang], options);
    numberFormats.set(key, format);
  }
  return format;
}

/** 1 162,50 kr / NOK 1,162.50, from integer øre. */
export const formatMoney = (ore: number, lang: Lang): string =>
  numberFormat(lang, { style: 'currency', currency: 'NOK' }).format(ore / 100);

/** 1,5 / 1.5 */
export const formatNumber = (value: number, lang: Lang): string =>
  numberFormat(lang, { maximumFractionDigits: 1 }).format(value);

/** september / September: a month (1–12) by its name. */
export const formatMonth = (month: number, lang: Lang): string =>
  dateFormat(lang, MONTH).format(new Date(Date.UTC(2000, month - 1, 15, 12)));

import { OSLO } from '../common/time';

/** Dates, times and amounts as people read them in mail, in the recipient's language, in Oslo time. */
const formats = {
  nb: {
    when: new Intl.DateTimeFormat('nb-NO', {
      timeZone: OSLO,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }),
    date: new Intl.DateTimeFormat('nb-NO', {
      timeZone: OSLO,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }),
    time: new Intl.DateTimeFormat('nb-NO', { timeZone: OSLO, hour: '2-digit', minute: '2-digit' }),
  },
  en: {
    when: new Intl.DateTimeFormat('en-GB', {
      timeZone: OSLO,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }),
    date: new Intl.DateTimeFormat('en-GB', {
      timeZone: OSLO,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }),
    time: new Intl.DateTimeFormat('en-GB', { timeZone: OSLO, hour: '2-digit', minute: '2-digit' }),
  },
};

export type Locale = 'nb' | 'en';

export const humanWhen = (instant: Date, locale: Locale): string => formats[locale].when.format(instant);
export const humanDate = (instant: Date, locale: Locale): string => formats[locale].date.format(instant);
export const humanTime = (instant: Date, locale: Locale): string => formats[locale].time.format(instant);

/** Øre as kroner: "1 234,50 kr" or "NOK 1,234.50". */
export function kroner(ore: number, locale: Locale): string {
  const value = ore / 100;
  return locale === 'nb'
    ? `${value.toLocaleString('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} kr`
    : `NOK ${value.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

const METHODS: Record<string, Record<Locale, string>> = {
  key: { nb: 'nøkkel', en: 'key' },
  key_card: { nb: 'nøkkelkort', en: 'key card' },
  door_code: { nb: 'dørkode', en: 'door code' },
  caretaker_present: { nb: 'vaktmester er til stede', en: 'the caretaker is present' },
  unlocked: { nb: 'ulåst', en: 'unlocked' },
};

export const accessLabel = (method: string | null, locale: Locale): string =>
  method ? (METHODS[method]?.[locale] ?? method) : locale === 'nb' ? 'ikke bekreftet' : 'not confirmed';

/** Why an occurrence was not granted, from its conflicts or decision note, in the recipient's language. */
export function reasonOf(kinds: string[], note: string | null, locale: Locale): string {
  if (note) return note;
  const text: Record<string, Record<Locale, string>> = {
    booking: { nb: 'lokalet er opptatt', en: 'the room is taken' },
    holiday: { nb: 'helligdag', en: 'public holiday' },
    closure: { nb: 'lokalet er stengt', en: 'the room is closed' },
    outside_opening_hours: { nb: 'utenfor åpningstid', en: 'outside opening hours' },
    season: { nb: 'holdt av til sesongtildeling', en: 'held for the season allocation' },
  };
  const first = kinds.find((k) => text[k]);
  return first ? text[first][locale] : locale === 'nb' ? 'ikke innvilget' : 'not granted';
}

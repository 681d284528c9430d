import type { AgeGroup, OrganisationKind } from '../core/domain';
import type { Locale } from './csv';

/** Readable names of the vocabularies in the statistics, in Norwegian (bokmål) and English. */
const ORGANISATION_KINDS: Record<Locale, Record<OrganisationKind, string>> = {
  nb: {
    voluntary: 'Frivillig lag',
    sports: 'Idrettslag',
    study_association: 'Studieforbund',
    public: 'Offentlig',
    commercial: 'Næringsdrivende',
    private: 'Privatperson',
  },
  en: {
    voluntary: 'Voluntary',
    sports: 'Sports',
    study_association: 'Study association',
    public: 'Public',
    commercial: 'Commercial',
    private: 'Private',
  },
};

const AGE_GROUPS: Record<Locale, Record<AgeGroup, string>> = {
  nb: { children: 'Barn', youth: 'Ungdom', adults: 'Voksne', seniors: 'Seniorer', all_ages: 'Alle aldre' },
  en: { children: 'Children', youth: 'Youth', adults: 'Adults', seniors: 'Seniors', all_ages: 'All ages' },
};

const WEEKDAYS: Record<Locale, string[]> = {
  nb: ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

export const organisationKindLabel = (kind: string, locale: Locale): string =>
  ORGANISATION_KINDS[locale][kind as OrganisationKind] ?? kind;

export const ageGroupLabel = (group: string, locale: Locale): string =>
  AGE_GROUPS[locale][group as AgeGroup] ?? group;

/** ISO weekday 1–7. */
export const weekdayLabel = (weekday: number, locale: Locale): string => WEEKDAYS[locale][weekday - 1] ?? '';

export const weekdayShort = (weekday: number, locale: Locale): string =>
  weekdayLabel(weekday, locale).slice(0, 3);

/** 'YYYY-MM' → 'januar 2027' / 'January 2027'. */
export function monthLabel(month: string, locale: Locale, short = false): string {
  const [year, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', {
    month: short ? 'short' : 'long',
    ...(short ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, m - 1, 1)));
}

export const noRuleLabel = (locale: Locale): string =>
  locale === 'nb' ? 'Ingen fritaksregel' : 'No exemption rule';

/** A number for people: thousands grouped, the locale's decimal mark. */
export function formatNumber(value: number, locale: Locale, decimals = 0): string {
  return new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

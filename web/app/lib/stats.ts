import { addDays, osloToday } from './week';

// The analyst's period and grouping live in the URL (?fra=2026-01-01&til=2026-12-31&gruppe=month),
// so a view can be shared or reloaded.

export const GROUPS = [
  'building',
  'room',
  'organisationKind',
  'ageGroup',
  'month',
  'weekday',
  'exemptionRule',
  'organisation',
] as const;
export type Group = (typeof GROUPS)[number];

export interface StatsView {
  fra: string;
  til: string;
  gruppe: Group;
}

/** The period asked for, or the last twelve months up to yesterday; the grouping, or by month. */
export function statsFromUrl(url: URL): StatsView {
  const today = osloToday();
  const gruppe = url.searchParams.get('gruppe') as Group;
  return {
    fra: url.searchParams.get('fra') || addDays(today, -365),
    til: url.searchParams.get('til') || addDays(today, -1),
    gruppe: GROUPS.includes(gruppe) ? gruppe : 'month',
  };
}

export const hours = (n: number): string => String(Math.round(n * 10) / 10);

/** A season's status, derived from its dates and what staff have done. */
export const SEASON_STATUSES = ['upcoming', 'open', 'closed', 'allocated', 'published'] as const;
export type SeasonStatus = (typeof SEASON_STATUSES)[number];

export interface SeasonTimes {
  applicationOpensAt: Date;
  applicationDeadline: Date;
  committedAt: Date | null;
  publishedAt: Date | null;
}

/**
 * upcoming before applications open; open until the deadline; closed after it until the allocation is
 * committed; allocated once committed; published once public.
 */
export function seasonStatus(s: SeasonTimes, now: Date = new Date()): SeasonStatus {
  if (s.publishedAt) return 'published';
  if (s.committedAt) return 'allocated';
  if (now < s.applicationOpensAt) return 'upcoming';
  if (now < s.applicationDeadline) return 'open';
  return 'closed';
}

/** The same rule in SQL, for filtering lists; `alias` names the seasons row. */
export const seasonStatusSql = (alias: string): string =>
  `CASE WHEN ${alias}.published_at IS NOT NULL THEN 'published'
        WHEN ${alias}.committed_at IS NOT NULL THEN 'allocated'
        WHEN now() < ${alias}.application_opens_at THEN 'upcoming'
        WHEN now() < ${alias}.application_deadline THEN 'open'
        ELSE 'closed' END`;

/**
 * While a season is open or being allocated (applications have opened, and it is not yet published),
 * the time of its rooms within its period is held for it: single bookings there meet a `season`
 * conflict. SQL condition on a seasons row.
 */
export const seasonHoldsSql = (alias: string): string =>
  `(${alias}.application_opens_at <= now() AND ${alias}.published_at IS NULL)`;

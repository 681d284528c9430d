import { addDays, osloDayBounds, osloOffsetMs } from '../common/time';
import type { AgeGroup, OrganisationKind } from '../core/domain';
import type { ExemptionRule } from '../core/pricing';

/**
 * The period's occurrences, grouped so that every occurrence of a group has exactly the same fee under
 * any rule set: same request (organisation, age group, entrance, repeating) and room, same stretch
 * between two thresholds (a rule's first or last day begins or ends at an Oslo midnight; the UTC offset
 * changes), same UTC time within the week (which, with the offset the stretch fixes, gives the Oslo
 * weekday and clock), same duration, and the same offset at the end. A weekly series of 40 dates is then
 * one to three rows, priced once each; the database does the counting in one scan, without converting
 * time zones per row. A group's earliest start, plus its duration, is one of its own occurrences.
 *
 * Groups are priced as not opening a series. Rows marked `first` follow: the first occurrence (by start,
 * then id, whatever its status) of a repeating request, where it is counted in the period and its room
 * has a per-series fee; it is to be counted as the first instead. A series with an occurrence before the
 * period cannot open in it, which spares looking for the first of most.
 *
 * $1, $2: the period's instants [start, end); $3: the statuses counted; $4: every threshold, sorted;
 * $5: the offset changes alone, sorted.
 */
export const SIMULATION_SQL = `
  WITH groups AS MATERIALIZED (
    SELECT o.request_id, o.room_id,
           width_bucket(o.starts_at, $4::timestamptz[]) AS stretch,
           o.starts_at - date_bin('7 days', o.starts_at, timestamptz '2000-01-03 00:00:00+00') AS in_week,
           o.ends_at - o.starts_at AS duration,
           width_bucket(o.ends_at, $5::timestamptz[]) AS end_offset,
           min(o.starts_at) AS starts_at, count(*)::int AS n
      FROM booking_occurrences o
     WHERE o.starts_at >= $1 AND o.starts_at < $2 AND o.status = ANY($3::text[])
     GROUP BY 1, 2, 3, 4, 5, 6
  ),
  candidates AS (
    SELECT g.request_id, min(g.starts_at) AS until
      FROM groups g
      JOIN booking_requests r ON r.id = g.request_id AND r.rrule IS NOT NULL
      JOIN room_prices p ON p.room_id = g.room_id AND p.fixed_per_series_ore IS NOT NULL
     GROUP BY g.request_id
  ),
  opening AS (
    SELECT c.request_id, c.until FROM candidates c
     WHERE NOT EXISTS (SELECT 1 FROM booking_occurrences e WHERE e.request_id = c.request_id AND e.starts_at < $1)
  ),
  firsts AS (
    SELECT DISTINCT ON (o.request_id) o.request_id, o.room_id, o.status, o.starts_at, o.ends_at
      FROM booking_occurrences o JOIN opening s ON s.request_id = o.request_id AND o.starts_at <= s.until
     ORDER BY o.request_id, o.starts_at, o.id
  ),
  counted AS (
    SELECT request_id, room_id, n, starts_at, duration, false AS first FROM groups
    UNION ALL
    SELECT request_id, room_id, 1, starts_at, ends_at - starts_at, true FROM firsts WHERE status = ANY($3::text[])
  )
  SELECT c.room_id, c.first, c.n,
         (extract(epoch FROM c.starts_at) * 1000)::float8 AS starts_ms,
         (extract(epoch FROM c.duration) * 1000)::float8 AS duration_ms,
         r.age_group, r.charges_entrance_fee, r.rrule IS NOT NULL AS repeating,
         org.kind, org.in_frivillighetsregisteret, org.municipality_number
    FROM counted c
    JOIN booking_requests r ON r.id = c.request_id
    JOIN organisations org ON org.id = r.organisation_id`;

export interface SimulationRow {
  room_id: string;
  /** A series' first occurrence, counted in its group as not the first: count it as the first instead. */
  first: boolean;
  n: number;
  starts_ms: number;
  duration_ms: number;
  age_group: AgeGroup;
  charges_entrance_fee: boolean;
  repeating: boolean;
  kind: OrganisationKind;
  in_frivillighetsregisteret: boolean;
  municipality_number: string | null;
}

export interface SimulationParams {
  start: Date;
  end: Date;
  /** Rule boundaries and offset changes. */
  thresholds: Date[];
  offsetChanges: Date[];
}

/** The query's parameters: the period's instants and the thresholds that split its groups. */
export function simulationParams(
  from: string,
  to: string,
  ruleSets: readonly (readonly ExemptionRule[])[],
): SimulationParams {
  const start = osloDayBounds(from).start;
  const end = osloDayBounds(to).end;
  // An occurrence may end up to a day after the period: its end offset must be known too.
  const offsetChanges = offsetChangesBetween(start.getTime() - 86_400_000, end.getTime() + 2 * 86_400_000);
  const days = new Set<string>();
  for (const rule of ruleSets.flat()) {
    days.add(rule.validFrom);
    if (rule.validTo) days.add(addDays(rule.validTo, 1));
  }
  const midnights = [...days].map((day) => osloDayBounds(day).start);
  const thresholds = [
    ...new Map([...midnights, ...offsetChanges].map((d) => [d.getTime(), d])).values(),
  ].sort((a, b) => a.getTime() - b.getTime());
  return { start, end, thresholds, offsetChanges };
}

const HOUR_MS = 3_600_000;

/** The instants in [fromMs, toMs) at which Oslo's UTC offset changes (always on a whole UTC hour). */
function offsetChangesBetween(fromMs: number, toMs: number): Date[] {
  const changes: Date[] = [];
  let hour = Math.floor(fromMs / HOUR_MS) * HOUR_MS;
  let offset = osloOffsetMs(hour);
  for (hour += HOUR_MS; hour < toMs; hour += HOUR_MS) {
    const next = osloOffsetMs(hour);
    if (next !== offset) changes.push(new Date(hour));
    offset = next;
  }
  return changes;
}

import { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { formatInstant } from '../common/time';

/**
 * A request's version is the number of entries in its history: every change to a request or its
 * occurrences writes one (recordEvent), in the same transaction. So no column to keep in step, and
 * "what changed since the view you decided on" is exactly the entries after that number.
 */
export async function versionsOf(m: EntityManager, requestIds: string[]): Promise<Map<string, number>> {
  if (requestIds.length === 0) return new Map();
  const rows = await m.query<{ request_id: string; n: number }[]>(
    `SELECT request_id, count(*)::int AS n FROM booking_events WHERE request_id = ANY($1) GROUP BY request_id`,
    [requestIds],
  );
  return new Map(rows.map((r) => [r.request_id, r.n]));
}

/**
 * Refuses a decision made on a view that is no longer current: 409 STALE_VIEW with the changes since.
 * Call it with the request row locked (requestFor(..., lock = true)), so no change can slip in between.
 * Without an expected version the caller opted out (API clients that decide blind, as before).
 */
export async function checkVersion(
  m: EntityManager,
  requestId: string,
  expectedVersion: number | undefined,
): Promise<void> {
  if (expectedVersion === undefined) return;
  const current = (await versionsOf(m, [requestId])).get(requestId) ?? 0;
  if (current === expectedVersion) return;
  const changes = await m.query<
    { action: string; at: Date; actor_name: string | null; occurrence_ids: string[]; reason: string | null }[]
  >(
    `SELECT e.action, e.at, u.name AS actor_name, e.occurrence_ids, e.reason
       FROM booking_events e LEFT JOIN users u ON u.id = e.actor_id
      WHERE e.request_id = $1 ORDER BY e.at, e.id OFFSET $2`,
    [requestId, Math.min(expectedVersion, current)],
  );
  throw new DomainError(
    'STALE_VIEW',
    'The request has changed since you opened it; nothing was done. Reload it and decide again',
    {
      expectedVersion,
      currentVersion: current,
      changes: changes.map((c) => ({
        action: c.action,
        at: formatInstant(c.at),
        actorName: c.actor_name,
        occurrenceIds: c.occurrence_ids,
        reason: c.reason,
      })),
    },
  );
}

import { EntityManager } from 'typeorm';
import { AuthUser, isStaff } from '../common/auth/roles';
import { Page, PageQuery } from '../common/http/pagination';
import { formatInstant } from '../common/time';
import type { FieldChanges } from '../core/pricing';
import { OrganisationEventView } from './dto/organisation.dto';
import { OrganisationEvent, OrganisationEventKind } from './organisation-event.entity';

/** Writes one event of an organisation's history, in the caller's transaction. */
export async function recordEvent(
  m: EntityManager,
  organisationId: string,
  kind: OrganisationEventKind,
  actor: AuthUser | null,
  extra: { changes?: FieldChanges; unverified?: boolean } = {},
): Promise<void> {
  await m.query(
    `INSERT INTO organisation_events (organisation_id, kind, actor_id, by_staff, changes, unverified)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      organisationId,
      kind,
      actor?.id ?? null,
      actor ? isStaff(actor) : false,
      JSON.stringify(extra.changes ?? {}),
      extra.unverified ?? false,
    ],
  );
}

interface EventRow {
  id: string;
  kind: OrganisationEventKind;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  by_staff: boolean;
  changes: FieldChanges;
  unverified: boolean;
}

/** The history, newest first, with the actors' names (staff read it). */
export async function listEvents(
  m: EntityManager,
  organisationId: string,
  page: PageQuery,
): Promise<Page<OrganisationEventView>> {
  const rows = await m.query<(EventRow & { total: number })[]>(
    `SELECT e.id, e.kind, e.at, e.actor_id, u.name AS actor_name, e.by_staff, e.changes, e.unverified,
            count(*) OVER ()::int AS total
       FROM organisation_events e LEFT JOIN users u ON u.id = e.actor_id
      WHERE e.organisation_id = $1
      ORDER BY e.id DESC LIMIT $2 OFFSET $3`,
    [organisationId, page.limit, page.offset],
  );
  const total = rows[0]?.total ?? (await m.countBy(OrganisationEvent, { organisationId }));
  return {
    items: rows.map((r) => ({
      id: String(r.id),
      kind: r.kind,
      at: formatInstant(r.at),
      actorId: r.actor_id,
      actorName: r.actor_name,
      byStaff: r.by_staff,
      changes: r.changes,
      unverified: r.unverified,
    })),
    total,
  };
}

/**
 * Per organisation, each field changed since staff last verified it (or since it was registered): the
 * value then → the value now; a field changed and changed back is left out.
 */
export async function changesSinceVerification(
  m: EntityManager,
  organisationIds: string[],
): Promise<Map<string, FieldChanges>> {
  const result = new Map<string, FieldChanges>(organisationIds.map((id) => [id, {}]));
  if (organisationIds.length === 0) return result;
  const rows = await m.query<{ organisation_id: string; changes: FieldChanges }[]>(
    `SELECT e.organisation_id, e.changes FROM organisation_events e
      WHERE e.organisation_id = ANY($1::uuid[]) AND e.kind = 'updated'
        AND e.id > COALESCE((SELECT max(v.id) FROM organisation_events v
                              WHERE v.organisation_id = e.organisation_id AND v.kind = 'verified'), 0)
      ORDER BY e.id`,
    [organisationIds],
  );
  for (const row of rows) {
    const merged = result.get(row.organisation_id)!;
    for (const [field, change] of Object.entries(row.changes)) {
      merged[field] = { from: field in merged ? merged[field].from : change.from, to: change.to };
    }
  }
  for (const merged of result.values()) {
    for (const [field, change] of Object.entries(merged)) if (change.from === change.to) delete merged[field];
  }
  return result;
}

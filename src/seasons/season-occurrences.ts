import { EntityManager } from 'typeorm';
import type { OccurrenceFee } from '../core/pricing';

/**
 * Writes a request's occurrences as approved, with their fees, in one INSERT … SELECT FROM unnest. The
 * claims trigger and the exclusion constraint check them like any approval.
 */
export async function insertApproved(
  m: EntityManager,
  requestId: string,
  ids: string[],
  slots: { roomId: string; startsAt: Date; endsAt: Date }[],
  fees: OccurrenceFee[],
  decision: { at: Date; by: string; note: string },
): Promise<void> {
  await m.query(
    `INSERT INTO booking_occurrences (id, request_id, room_id, starts_at, ends_at, status, conflicts, list_ore,
                                      waived_ore, charged_ore, rule_id, rule_version, fee, decided_at,
                                      decided_by, decision_note, created_at)
     SELECT id, $2, room_id, s, e, 'approved', '[]', l, w, ch, r, v, f, $10, $11, $12, $10
       FROM unnest($1::uuid[], $3::uuid[], $4::timestamptz[], $5::timestamptz[], $6::int[], $7::int[],
                   $8::int[], $9::uuid[], $13::int[], $14::jsonb[]) AS t(id, room_id, s, e, l, w, ch, r, v, f)`,
    [
      ids,
      requestId,
      slots.map((s) => s.roomId),
      slots.map((s) => s.startsAt),
      slots.map((s) => s.endsAt),
      fees.map((f) => f.listOre),
      fees.map((f) => f.waivedOre),
      fees.map((f) => f.chargedOre),
      fees.map((f) => f.ruleId),
      decision.at,
      decision.by,
      decision.note,
      fees.map((f) => f.ruleVersion),
      fees.map((f) => JSON.stringify(f)),
    ],
  );
}

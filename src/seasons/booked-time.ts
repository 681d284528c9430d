import { EntityManager } from 'typeorm';

export interface BookedSlot {
  roomId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface InTheWay {
  occurrenceId: string;
  requestId: string;
}

/**
 * For each slot, the approved occurrences outside this season in any room sharing a leaf with its room
 * (what the exclusion constraint would refuse): one query for all slots, through the claims' indexes.
 */
export async function bookedTime(
  m: EntityManager,
  seasonId: string,
  slots: BookedSlot[],
): Promise<Map<number, InTheWay[]>> {
  const found = new Map<number, InTheWay[]>();
  if (slots.length === 0) return found;
  const rows = await m.query<{ ord: number; occurrence_id: string; request_id: string }[]>(
    `WITH slots AS (SELECT ord::int, room_id, tstzrange(s, e, '[)') AS period
                      FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS t(room_id, s, e, ord))
     SELECT DISTINCT s.ord, o.id AS occurrence_id, o.request_id
       FROM slots s
       JOIN room_leaves rl ON rl.room_id = s.room_id
       JOIN booking_claims c ON c.leaf_room_id = rl.leaf_id AND c.period && s.period
       JOIN booking_occurrences o ON o.id = c.occurrence_id
       JOIN booking_requests q ON q.id = o.request_id
      WHERE q.season_id IS DISTINCT FROM $4::uuid
      ORDER BY 1, 2`,
    [slots.map((s) => s.roomId), slots.map((s) => s.startsAt), slots.map((s) => s.endsAt), seasonId],
  );
  for (const row of rows) {
    const list = found.get(row.ord - 1) ?? [];
    list.push({ occurrenceId: row.occurrence_id, requestId: row.request_id });
    found.set(row.ord - 1, list);
  }
  return found;
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { availability, RoomCalendar } from '../core/venues/availability';
import { preparedQuery } from '../database/transaction';
import { seasonHoldsSql } from '../core/seasons/season-status';
import { RoomCalendarService } from '../venues/room-calendar.service';
import { Conflict, ConflictKind } from '../booking-records/occurrence.entity';

/** Conflicts that forbid approving an occurrence; `request` and `self` are for staff to weigh. */
export const BLOCKING: ReadonlySet<ConflictKind> = new Set([
  'booking',
  'closure',
  'holiday',
  'outside_opening_hours',
  'season',
]);

export const isBlocked = (conflicts: Conflict[]): boolean => conflicts.some((c) => BLOCKING.has(c.kind));

export interface Slot {
  startsAt: Date;
  endsAt: Date;
}

/** A stored occurrence whose conflicts are asked for as they stand now. */
export interface StoredSlot extends Slot {
  id: string;
  requestId: string;
  roomId: string;
}

export interface DetectOptions {
  /** Pending occurrences of this request do not compete with the slots (they are the slots). */
  requestId?: string;
  /** Occurrences to ignore entirely, e.g. the one being moved. */
  ignoreOccurrenceIds?: string[];
}

interface OverlapRow {
  ord: number;
  kind: 'booking' | 'request' | 'self' | 'season';
  occurrence_id: string;
  request_id: string;
  season_id: string | null;
  season_name: string | null;
}

/**
 * Finds, for slots in one room, every conflict: approved occurrences in any room sharing a leaf with it
 * (booking), other requests' pending occurrences there (request), the venue rules (closure, holiday,
 * outside_opening_hours), and slots that overlap each other or the request's own other occurrences
 * (self), and the time a season holds while it is being allocated (season: its rooms, or rooms sharing a
 * leaf with them, within its period; not for the season's own applications). One query for the
 * bookings, requests and seasons of all slots, one for the room's calendar.
 */
@Injectable()
export class ConflictsService {
  constructor(private readonly calendars: RoomCalendarService) {}

  async detect(
    m: EntityManager,
    roomId: string,
    slots: Slot[],
    options: DetectOptions = {},
  ): Promise<Conflict[][]> {
    if (slots.length === 0) return [];
    const from = new Date(Math.min(...slots.map((s) => s.startsAt.getTime())));
    const to = new Date(Math.max(...slots.map((s) => s.endsAt.getTime())));
    const rows = await preparedQuery<OverlapRow>(
      m,
      'frirom_conflicts',
      `WITH mine AS (SELECT leaf_id FROM room_leaves WHERE room_id = $1),
              near AS MATERIALIZED (SELECT DISTINCT rl.room_id FROM room_leaves rl JOIN mine USING (leaf_id)),
              slots AS (SELECT ord::int, tstzrange(s, e, '[)') AS period
                          FROM unnest($2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS t(s, e, ord))
         SELECT DISTINCT s.ord, 'booking' AS kind, o.id AS occurrence_id, o.request_id,
                NULL::uuid AS season_id, NULL::text AS season_name
           FROM slots s
           JOIN booking_claims c ON c.leaf_room_id IN (SELECT leaf_id FROM mine) AND c.period && s.period
           JOIN booking_occurrences o ON o.id = c.occurrence_id
          WHERE NOT (o.id = ANY($5::uuid[]))
         UNION ALL
         SELECT s.ord, 'request', o.id, o.request_id, NULL, NULL
           FROM slots s CROSS JOIN near
           JOIN booking_occurrences o ON o.room_id = near.room_id AND o.period && s.period AND o.status = 'pending'
          WHERE o.request_id IS DISTINCT FROM $4::uuid
            AND NOT (o.id = ANY($5::uuid[]))
         UNION ALL
         SELECT s.ord, 'self', o.id, o.request_id, NULL, NULL
           FROM slots s
           JOIN booking_occurrences o ON o.request_id = $4::uuid AND o.period && s.period
          WHERE o.status IN ('pending', 'approved') AND NOT (o.id = ANY($5::uuid[]))
         UNION ALL
         SELECT s.ord, 'season', NULL, NULL, se.id, se.name
           FROM slots s
           JOIN seasons se ON ${seasonHoldsSql('se')} AND tstzrange(se.starts_at, se.ends_at) && s.period
          WHERE EXISTS (SELECT 1 FROM season_rooms sr JOIN room_leaves rl ON rl.room_id = sr.room_id
                         WHERE sr.season_id = se.id AND rl.leaf_id IN (SELECT leaf_id FROM mine))
            AND se.id IS DISTINCT FROM (SELECT season_id FROM booking_requests WHERE id = $4::uuid)
          ORDER BY 1, 2, 3`,
      [
        roomId,
        slots.map((s) => s.startsAt),
        slots.map((s) => s.endsAt),
        options.requestId ?? null,
        options.ignoreOccurrenceIds ?? [],
      ],
    );
    const calendar = await this.calendars.calendar(roomId, from, to, m);

    const conflicts: Conflict[][] = slots.map((slot) => venueConflicts(calendar, slot));
    for (const row of rows) {
      if (row.kind === 'season') {
        const held: Conflict & { seasonId: string } = {
          kind: 'season',
          seasonId: row.season_id!,
          reason: `Held for the season ${row.season_name} until its allocation is published`,
        };
        conflicts[row.ord - 1].push(held);
        continue;
      }
      conflicts[row.ord - 1].push({
        kind: row.kind,
        occurrenceId: row.occurrence_id,
        requestId: row.request_id,
      });
    }
    addSelfOverlaps(slots, conflicts);
    return conflicts;
  }

  /**
   * The conflicts of stored pending occurrences as they stand now (other requests may have been made,
   * approved or withdrawn since, closures added): the one answer behind GET /conflicts, request views
   * and approval. One detect per request and room, one after the other (a transaction's manager has
   * one connection).
   */
  async current(m: EntityManager, occurrences: StoredSlot[]): Promise<Map<string, Conflict[]>> {
    const batches = new Map<string, StoredSlot[]>();
    for (const o of occurrences) {
      const key = `${o.requestId}/${o.roomId}`;
      batches.set(key, [...(batches.get(key) ?? []), o]);
    }
    const found = new Map<string, Conflict[]>();
    for (const list of batches.values()) {
      const conflicts = await this.detect(m, list[0].roomId, list, {
        requestId: list[0].requestId,
        ignoreOccurrenceIds: list.map((o) => o.id),
      });
      list.forEach((o, i) => found.set(o.id, conflicts[i]));
    }
    return found;
  }
}

function venueConflicts(calendar: RoomCalendar, slot: Slot): Conflict[] {
  return availability(calendar, slot.startsAt, slot.endsAt).reasons.map((r): Conflict => {
    switch (r.kind) {
      case 'closure':
        return { kind: 'closure', closureId: r.closureId, reason: r.reason };
      case 'holiday':
        return { kind: 'holiday', date: r.date, reason: r.name };
      case 'outside_opening_hours':
        return { kind: 'outside_opening_hours', date: r.date };
    }
  });
}

/** Slots of one batch that overlap each other each get one `self` conflict. */
function addSelfOverlaps(slots: Slot[], conflicts: Conflict[][]): void {
  const order = slots
    .map((_, i) => i)
    .sort((a, b) => slots[a].startsAt.getTime() - slots[b].startsAt.getTime());
  const overlapping = new Set<number>();
  for (let i = 0; i < order.length; i++) {
    for (let j = i + 1; j < order.length && slots[order[j]].startsAt < slots[order[i]].endsAt; j++) {
      overlapping.add(order[i]).add(order[j]);
    }
  }
  for (const i of overlapping) conflicts[i].push({ kind: 'self' });
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { formatInstant } from '../common/time';
import { reversedRange } from '../common/http/field-types';
import { BLOCKING, ConflictsService } from './conflicts.service';
import { ConflictGroupView, OpenConflictsQuery } from './dto/conflicts.dto';

interface PendingRow {
  id: string;
  request_id: string;
  room_id: string;
  room_name: string;
  starts_at: Date;
  ends_at: Date;
  title: string;
  organisation_name: string;
}

const DEFAULT_DAYS = 365;

/**
 * Open conflicts, as they stand now: groups of pending occurrences that compete for the same time in
 * clashing rooms, with the approved bookings, venue rules (closures, holidays, opening hours) and season
 * holds each meets. A pending occurrence that competes with nothing and meets nothing is not a conflict.
 * What each occurrence meets comes from ConflictsService.current, as in request views and approval.
 */
@Injectable()
export class OpenConflictsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conflicts: ConflictsService,
  ) {}

  async list(q: OpenConflictsQuery): Promise<{ items: ConflictGroupView[]; total: number }> {
    const from = q.from ?? new Date();
    const to = q.to ?? new Date(from.getTime() + DEFAULT_DAYS * 86_400_000);
    if (to < from) throw reversedRange('to', 'from');
    const m = this.dataSource.manager;
    const pending = await m.query<PendingRow[]>(
      `SELECT o.id, o.request_id, o.room_id, r.name AS room_name, o.starts_at, o.ends_at, q.title,
              org.name AS organisation_name
         FROM booking_occurrences o
         JOIN booking_requests q ON q.id = o.request_id
         JOIN organisations org ON org.id = q.organisation_id
         JOIN rooms r ON r.id = o.room_id
        WHERE o.status = 'pending' AND o.period && tstzrange($1, $2)
          AND ($3::uuid IS NULL OR r.building_id = $3)
        ORDER BY o.starts_at, o.id`,
      [from, to, q.buildingId ?? null],
    );
    if (pending.length === 0) return { items: [], total: 0 };
    const ids = pending.map((p) => p.id);
    const current = await this.conflicts.current(
      m,
      pending.map((p) => ({
        id: p.id,
        requestId: p.request_id,
        roomId: p.room_id,
        startsAt: p.starts_at,
        endsAt: p.ends_at,
      })),
    );

    const known = new Set(ids);
    const competing: { a: string; b: string }[] = [];
    const meets = new Map<string, ConflictGroupView['blockedBy']>();
    for (const [id, conflicts] of current) {
      for (const c of conflicts) {
        if (c.kind === 'request') {
          if (known.has(c.occurrenceId!)) competing.push({ a: id, b: c.occurrenceId! });
          continue;
        }
        if (!BLOCKING.has(c.kind)) continue;
        const { requestId: _ignored, ...blocker } = c;
        meets.set(id, [...(meets.get(id) ?? []), { ...blocker, occurrenceIds: [id] }]);
      }
    }

    // Groups: occurrences joined by competition; a lone occurrence counts only if it meets something.
    const parent = new Map(ids.map((id) => [id, id]));
    const root = (id: string): string => {
      let r = id;
      while (parent.get(r) !== r) r = parent.get(r)!;
      parent.set(id, r);
      return r;
    };
    for (const { a, b } of competing) parent.set(root(a), root(b));
    const groups = new Map<string, PendingRow[]>();
    for (const p of pending) groups.set(root(p.id), [...(groups.get(root(p.id)) ?? []), p]);
    const all = [...groups.values()]
      .filter((g) => g.length > 1 || meets.has(g[0].id))
      .map((g): ConflictGroupView => ({
        occurrences: g.map((p) => ({
          id: p.id,
          requestId: p.request_id,
          title: p.title,
          organisationName: p.organisation_name,
          roomId: p.room_id,
          roomName: p.room_name,
          startsAt: formatInstant(p.starts_at),
          endsAt: formatInstant(p.ends_at),
        })),
        blockedBy: g.flatMap((p) => meets.get(p.id) ?? []),
      }));
    return { items: all.slice(q.offset, q.offset + q.limit), total: all.length };
  }
}

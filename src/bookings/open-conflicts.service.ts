import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { formatInstant } from '../common/time';
import { reversedRange } from '../common/http/field-types';
import { ConflictsService, SeasonConflict, StoredSlot } from './conflicts.service';
import {
  BlockerView,
  CompetingOccurrenceView,
  ConflictGroupView,
  OpenConflictsQuery,
} from './dto/conflicts.dto';
import { Conflict } from '../booking-records/occurrence.entity';
import { versionsOf } from '../booking-records/version-queries';

const DEFAULT_DAYS = 365;

/**
 * Open conflicts, as they stand now: groups of pending occurrences that compete for the same time in
 * clashing rooms, with the approved bookings, venue rules (closures, holidays, opening hours) and
 * seasons each meets. A pending occurrence that competes with nothing and meets nothing is not a
 * conflict. All from ConflictsService's one rule: the groups from which pending dates compete
 * (`competitors`), the lone dates kept if they meet anything (`meeting`: whether, not which), so the
 * groups can be counted and paged; then only the page's are asked what they meet (`current`, the same
 * answer request views give) and detailed (titles, names, the bookings' and closures' times, versions).
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
    const slots = await m.query<StoredSlot[]>(
      `SELECT o.id, o.request_id AS "requestId", o.room_id AS "roomId", o.starts_at AS "startsAt",
              o.ends_at AS "endsAt"
         FROM booking_occurrences o
        WHERE o.status = 'pending' AND o.period && tstzrange($1, $2)
          AND ($3::uuid IS NULL OR o.room_id IN (SELECT id FROM rooms WHERE building_id = $3))
        ORDER BY o.starts_at, o.id`,
      [from, to, q.buildingId ?? null],
    );
    if (slots.length === 0) return { items: [], total: 0 };
    // Groups: occurrences joined by competition within the window, in the order of their first date.
    const competing = await this.conflicts.competitors(m, slots);
    const parent = new Map(slots.map((s) => [s.id, s.id]));
    const root = (id: string): string => {
      let r = id;
      while (parent.get(r) !== r) r = parent.get(r)!;
      parent.set(id, r);
      return r;
    };
    for (const [id, others] of competing) {
      for (const other of others) if (parent.has(other)) parent.set(root(id), root(other));
    }
    const groups = new Map<string, StoredSlot[]>();
    for (const s of slots) {
      const group = groups.get(root(s.id));
      if (group) group.push(s);
      else groups.set(root(s.id), [s]);
    }
    // A lone occurrence is a conflict only if it meets something (a booking, a venue rule, a season):
    // whether, not which, for all of them, so that the total counts; what they meet only for the page.
    const lone = [...groups.values()].filter((g) => g.length === 1).map((g) => g[0].id);
    const meets = new Set(
      (await this.conflicts.meeting(m, { occurrenceIds: lone }, { self: false, competition: false })).map(
        (o) => o.id,
      ),
    );
    const open = [...groups.values()].filter((g) => g.length > 1 || meets.has(g[0].id));
    const page = open.slice(q.offset, q.offset + q.limit);
    const now = await this.conflicts.current(m, page.flat(), { self: false });
    return { items: await this.detail(m, page, now), total: open.length };
  }

  /** The page's groups as answered: each occurrence named, each blocker with its time and holder. */
  private async detail(
    m: EntityManager,
    page: StoredSlot[][],
    now: Map<string, Conflict[]>,
  ): Promise<ConflictGroupView[]> {
    const shown = page.flat();
    const found = shown.flatMap((p) => now.get(p.id)!);
    const bookingIds = [...new Set(found.filter((c) => c.kind === 'booking').map((c) => c.occurrenceId!))];
    const closureIds = [...new Set(found.filter((c) => c.kind === 'closure').map((c) => c.closureId!))];
    const [named, booked, closures, versions, tree] = await Promise.all([
      m.query<
        { id: string; title: string; organisation_name: string; room_name: string; building_id: string }[]
      >(
        `SELECT o.id, q.title, org.name AS organisation_name, r.name AS room_name, r.building_id
           FROM booking_occurrences o
           JOIN booking_requests q ON q.id = o.request_id
           JOIN organisations org ON org.id = q.organisation_id
           JOIN rooms r ON r.id = o.room_id
          WHERE o.id = ANY($1)`,
        [shown.map((p) => p.id)],
      ),
      m.query<
        {
          id: string;
          starts_at: Date;
          ends_at: Date;
          room_id: string;
          room_name: string;
          organisation_name: string;
        }[]
      >(
        `SELECT x.id, x.starts_at, x.ends_at, x.room_id, xr.name AS room_name, xo.name AS organisation_name
           FROM booking_occurrences x
           JOIN rooms xr ON xr.id = x.room_id
           JOIN booking_requests xq ON xq.id = x.request_id
           JOIN organisations xo ON xo.id = xq.organisation_id
          WHERE x.id = ANY($1)`,
        [bookingIds],
      ),
      m.query<{ id: string; starts_at: Date; ends_at: Date }[]>(
        'SELECT id, starts_at, ends_at FROM closures WHERE id = ANY($1)',
        [closureIds],
      ),
      versionsOf(m, [...new Set(shown.map((p) => p.requestId))]),
      // Every room of the page's groups and bookings with its parent and its sections, for the timelines.
      m.query<{ id: string; name: string; parent_room_id: string | null }[]>(
        `WITH shown AS (SELECT room_id FROM booking_occurrences WHERE id = ANY($1))
         SELECT r.id, r.name, r.parent_room_id FROM rooms r
          WHERE r.id IN (SELECT room_id FROM shown)
             OR r.id IN (SELECT x.parent_room_id FROM rooms x JOIN shown ON shown.room_id = x.id)
             OR r.parent_room_id IN (SELECT room_id FROM shown)
          ORDER BY r.name, r.id`,
        [[...shown.map((p) => p.id), ...bookingIds]],
      ),
    ]);
    const nameOf = new Map(named.map((n) => [n.id, n]));
    const bookingOf = new Map(booked.map((b) => [b.id, b]));
    const closureOf = new Map(closures.map((c) => [c.id, c]));
    const roomsOf = (ids: Set<string>) =>
      tree
        .filter(
          (r) =>
            ids.has(r.id) ||
            (r.parent_room_id && ids.has(r.parent_room_id)) ||
            tree.some((x) => ids.has(x.id) && x.parent_room_id === r.id),
        )
        .map((r) => ({ id: r.id, name: r.name, parentRoomId: r.parent_room_id }));
    const blocker = (p: StoredSlot, c: Conflict): BlockerView | null => {
      const base = { kind: c.kind, occurrenceIds: [p.id] };
      switch (c.kind) {
        case 'booking': {
          // The same approved booking may meet several of the group's occurrences: one blocker each.
          const b = bookingOf.get(c.occurrenceId!)!;
          return {
            ...base,
            occurrenceId: b.id,
            startsAt: formatInstant(b.starts_at),
            endsAt: formatInstant(b.ends_at),
            roomId: b.room_id,
            roomName: b.room_name,
            organisationName: b.organisation_name,
          };
        }
        case 'closure': {
          const x = closureOf.get(c.closureId!);
          return {
            ...base,
            closureId: c.closureId,
            reason: c.reason,
            ...(x ? { startsAt: formatInstant(x.starts_at), endsAt: formatInstant(x.ends_at) } : {}),
          };
        }
        case 'holiday':
          return { ...base, date: c.date, reason: c.reason };
        case 'outside_opening_hours':
          return { ...base, date: c.date };
        case 'season':
          return { ...base, seasonId: (c as SeasonConflict).seasonId, reason: c.reason };
        default:
          return null; // request (the group itself) and self are not blockers
      }
    };
    return page.map((g) => ({
      rooms: roomsOf(
        new Set([
          ...g.map((p) => p.roomId),
          ...g.flatMap((p) =>
            now
              .get(p.id)!
              .filter((c) => c.kind === 'booking')
              .map((c) => bookingOf.get(c.occurrenceId!)!.room_id),
          ),
        ]),
      ),
      occurrences: g.map((p): CompetingOccurrenceView => {
        const n = nameOf.get(p.id)!;
        return {
          id: p.id,
          requestId: p.requestId,
          title: n.title,
          organisationName: n.organisation_name,
          roomId: p.roomId,
          roomName: n.room_name,
          buildingId: n.building_id,
          startsAt: formatInstant(p.startsAt),
          endsAt: formatInstant(p.endsAt),
          requestVersion: versions.get(p.requestId) ?? 0,
        };
      }),
      blockedBy: g.flatMap((p) =>
        now
          .get(p.id)!
          .map((c) => blocker(p, c))
          .filter((b): b is BlockerView => b !== null),
      ),
    }));
  }
}

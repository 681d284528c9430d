import { EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/roles';
import { notFound } from '../common/errors/domain-error';
import type { Recipient } from '../notifications/outbox.service';
import { caretakersJson, contactsJson } from '../notifications/recipient-queries';
import { allowContact, contactOf } from '../organisations/contact-access';
import { BookingRequest, RequestStatus } from './booking-request.entity';
import { Occurrence, OccurrenceStatus } from './occurrence.entity';
import { eventInsert, NewEvent, Rider } from './request-queries';

/**
 * The statements of a decision on a request (approve, reject, withdraw), each one round trip:
 * lock the request, read what the decision needs, write it whole. See DecisionsService.
 */

/**
 * The request, locked (FOR UPDATE), so decisions on one request happen one at a time; 404 unless the
 * caller is staff or a contact of its organisation. A statement of its own, and only the request's own
 * row: a statement's snapshot is taken before it waits for the lock, so anything else it read would be
 * as it was before the decision it waited for (its occurrences, its version). readDecision comes after.
 *
 * It also has the rest of the decision's transaction run named prepared statements on their generic
 * plans: the conflict recheck (`frirom_conflicts_current`), whose shape does not change with the
 * request, was otherwise planned again on every call (PostgreSQL's `auto` never kept its generic plan),
 * 2 ms of an approval of one date (bench/plan-cache-probe.ts). Unnamed statements are planned each time
 * either way; the setting ends with the transaction.
 */
export async function lockRequest(m: EntityManager, id: string, caller: AuthUser): Promise<BookingRequest> {
  const { entities, raw } = await m
    .createQueryBuilder(BookingRequest, 'q')
    .addSelect(contactOf('q.organisation_id', ':me'), 'member')
    .addSelect(`set_config('plan_cache_mode', 'force_generic_plan', true)`, 'plan_cache_mode')
    .where('q.id = :id', { id, me: caller.id })
    .setLock('pessimistic_write')
    .getRawAndEntities<{ member: boolean }>();
  if (entities.length === 0) throw notFound('Booking request');
  allowContact(raw[0].member, caller, 'Booking request');
  return entities[0];
}

/** What a decision on a locked request works from, read in one statement. */
export interface DecisionState {
  /** The request's version (entries in its history) before the decision. */
  version: number;
  /** All its occurrences, by start (then id), as the request's view lists them. */
  occurrences: Occurrence[];
  organisationName: string;
  /** The request's own room, for its view (a season application has none). */
  room?: { name: string; building_id: string; building_name: string };
  /** For the mails: the request's room, else its first date's, and that room's building. */
  notice: { roomName: string; buildingName: string };
  contacts: Recipient[];
  /** The caretakers of the notice's building. */
  caretakers: Recipient[];
}

interface OccurrenceJson {
  id: string;
  request_id: string;
  room_id: string;
  starts_at: string;
  ends_at: string;
  status: OccurrenceStatus;
  conflicts: Occurrence['conflicts'];
  list_ore: number;
  waived_ore: number;
  charged_ore: number;
  rule_id: string | null;
  rule_version: number | null;
  fee: Occurrence['fee'];
  decided_at: string | null;
  decided_by: string | null;
  decision_note: string | null;
  cancelled_late: boolean | null;
  attendance: Occurrence['attendance'];
  participants: number | null;
  attendance_recorded_at: string | null;
  attendance_recorded_by: string | null;
  created_at: string;
}

const date = (s: string | null): Date | null => (s === null ? null : new Date(s));

function toOccurrence(j: OccurrenceJson): Occurrence {
  return Object.assign(new Occurrence(), {
    id: j.id,
    requestId: j.request_id,
    roomId: j.room_id,
    startsAt: new Date(j.starts_at),
    endsAt: new Date(j.ends_at),
    status: j.status,
    conflicts: j.conflicts,
    listOre: j.list_ore,
    waivedOre: j.waived_ore,
    chargedOre: j.charged_ore,
    ruleId: j.rule_id,
    ruleVersion: j.rule_version,
    fee: j.fee,
    decidedAt: date(j.decided_at),
    decidedBy: j.decided_by,
    decisionNote: j.decision_note,
    cancelledLate: j.cancelled_late,
    attendance: j.attendance,
    participants: j.participants,
    attendanceRecordedAt: date(j.attendance_recorded_at),
    attendanceRecordedBy: j.attendance_recorded_by,
    createdAt: new Date(j.created_at),
  });
}

/**
 * The room a request's mails name, `nr` — its own, else its first date's (a season application has no
 * room of its own) — and that room's building, `nb`: joins onto a request `q`.
 */
export const NOTICE_ROOM_JOINS = `
  LEFT JOIN LATERAL (SELECT room_id FROM booking_occurrences WHERE request_id = q.id
                      ORDER BY starts_at LIMIT 1) first ON true
  LEFT JOIN rooms nr ON nr.id = COALESCE(q.room_id, first.room_id)
  LEFT JOIN buildings nb ON nb.id = nr.building_id`;

/**
 * Everything a decision on the request needs besides the locked row, in one statement (run it after
 * lockRequest): the version, the occurrences, the names for its view and its mails, and who the mails
 * would go to (the organisation's contacts, the building's caretakers), read whether or not they are
 * sent: two small index lookups cost less than a round trip more when they are.
 */
export async function readDecision(m: EntityManager, requestId: string): Promise<DecisionState> {
  const [row] = await m.query<
    {
      version: number;
      occurrences: OccurrenceJson[];
      organisation_name: string;
      room_name: string | null;
      building_id: string | null;
      building_name: string | null;
      notice_room_name: string;
      notice_building_name: string;
      contacts: Recipient[];
      caretakers: Recipient[];
    }[]
  >(
    `SELECT (SELECT count(*)::int FROM booking_events e WHERE e.request_id = q.id) AS version,
            COALESCE((SELECT json_agg(o ORDER BY o.starts_at, o.id)
                        FROM booking_occurrences o WHERE o.request_id = q.id), '[]') AS occurrences,
            org.name AS organisation_name,
            r.name AS room_name, b.id AS building_id, b.name AS building_name,
            COALESCE(nr.name, '') AS notice_room_name, COALESCE(nb.name, '') AS notice_building_name,
            ${contactsJson('q.organisation_id')} AS contacts,
            ${caretakersJson('nb.id')} AS caretakers
       FROM booking_requests q
       JOIN organisations org ON org.id = q.organisation_id
       LEFT JOIN rooms r ON r.id = q.room_id
       LEFT JOIN buildings b ON b.id = r.building_id
       ${NOTICE_ROOM_JOINS}
      WHERE q.id = $1`,
    [requestId],
  );
  return {
    version: row.version,
    occurrences: row.occurrences.map(toOccurrence),
    organisationName: row.organisation_name,
    room:
      row.room_name === null
        ? undefined
        : { name: row.room_name, building_id: row.building_id!, building_name: row.building_name! },
    notice: { roomName: row.notice_room_name, buildingName: row.notice_building_name },
    contacts: row.contacts,
    caretakers: row.caretakers,
  };
}

/** A decision on some of a request's occurrences, and what it leaves the request. */
export interface Decision {
  requestId: string;
  occurrenceIds: string[];
  status: OccurrenceStatus;
  at: Date;
  by: string;
  /** The decision's note on each occurrence; undefined leaves each one's note as it is. */
  note?: string | null;
  event: Omit<NewEvent, 'requestId' | 'occurrenceIds'>;
  /** The request's status once decided (derived from the occurrences in memory by the caller). */
  requestStatus: RequestStatus;
}

/**
 * The decision in one statement of data-modifying CTEs: the occurrences' status (the claims trigger
 * writes an approved one's claims, and the exclusion constraint may refuse them), the audit entry,
 * the request's status and whatever `rider` brings (the outbox's messages). One statement is atomic
 * and its parts see one snapshot; none of them reads what another writes.
 */
export async function writeDecision(
  m: EntityManager,
  d: Decision,
  rider?: (first: number) => Rider | null,
): Promise<void> {
  const keepNote = d.note === undefined;
  const decided = {
    sql: `UPDATE booking_occurrences
             SET status = $1::text, decided_at = $2::timestamptz, decided_by = $3::uuid,
                 decision_note = CASE WHEN $5::boolean THEN decision_note ELSE $4::text END
           WHERE id = ANY($6::uuid[]) AND request_id = $7::uuid`,
    params: [d.status, d.at, d.by, d.note ?? null, keepNote, d.occurrenceIds, d.requestId],
  };
  const status = {
    sql: `UPDATE booking_requests SET status = $8::text WHERE id = $7::uuid`,
    params: [d.requestStatus],
  };
  const event = eventInsert({ ...d.event, requestId: d.requestId, occurrenceIds: d.occurrenceIds }, 9);
  const next = 9 + event.params.length;
  const extra = rider?.(next) ?? null;
  const parts = [decided, status, event, ...(extra ? [extra] : [])];
  await m.query(
    `WITH ${parts.map((x, i) => `w${i} AS (${x.sql})`).join(',\n')}\nSELECT ${extra?.select ?? '1'}`,
    parts.flatMap((x) => x.params),
  );
}

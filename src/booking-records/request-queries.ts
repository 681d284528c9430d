import { EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/roles';
import { notFound } from '../common/errors/domain-error';
import { requestStatus } from '../core/bookings/request-status';
import type { OccurrenceFee } from '../core/pricing';
import { checkContact } from '../organisations/contact-access';
import { BookingRequest, RequestStatus } from './booking-request.entity';
import { Conflict, OccurrenceStatus } from './occurrence.entity';

/**
 * The one owner of the booking records' writes: requests (single, repeating or season applications),
 * their occurrences, their audit log and their derived status. Bookings, seasons and caretaking write
 * through here; nothing else inserts into booking_requests, booking_occurrences or booking_events.
 */

/**
 * A request the caller may see: staff any, others only their organisations' (someone else's answers
 * 404). `lock` takes a row lock, so decisions on one request happen one at a time.
 */
export async function requestFor(
  m: EntityManager,
  id: string,
  caller: AuthUser,
  lock = false,
): Promise<BookingRequest> {
  const request = await m.findOne(BookingRequest, {
    where: { id },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!request) throw notFound('Booking request');
  await checkContact(m, request.organisationId, caller, 'Booking request');
  return request;
}

/** A request as written: a single or repeating one has a room and times, an application a season. */
export interface NewRequest {
  id: string;
  organisationId: string;
  roomId: string | null;
  title: string;
  purpose: string | null;
  ageGroup: string;
  expectedParticipants: number;
  chargesEntranceFee: boolean;
  startsAt: Date | null;
  endsAt: Date | null;
  rrule: string | null;
  exdates: string[];
  seasonId: string | null;
  preferences: object[] | null;
  sessionsPerWeek: number | null;
  status: RequestStatus;
  createdBy: string | null;
  createdAt: Date;
}

const REQUEST_COLUMNS = `id, organisation_id, room_id, title, purpose, age_group, expected_participants,
  charges_entrance_fee, starts_at, ends_at, rrule, exdates, season_id, preferences, sessions_per_week, status,
  created_by, created_at`;

/** The request's INSERT with its parameters from `$first` on (18 of them), for a statement of its own or a CTE. */
function requestInsert(r: NewRequest, first: number): { sql: string; params: unknown[] } {
  const params = [
    r.id,
    r.organisationId,
    r.roomId,
    r.title,
    r.purpose,
    r.ageGroup,
    r.expectedParticipants,
    r.chargesEntranceFee,
    r.startsAt,
    r.endsAt,
    r.rrule,
    r.exdates,
    r.seasonId,
    r.preferences ? JSON.stringify(r.preferences) : null,
    r.sessionsPerWeek,
    r.status,
    r.createdBy,
    r.createdAt,
  ];
  const values = params.map((_, i) => `$${first + i}`).join(', ');
  return { sql: `INSERT INTO booking_requests (${REQUEST_COLUMNS}) VALUES (${values})`, params };
}

export async function insertRequest(m: EntityManager, request: NewRequest): Promise<void> {
  const { sql, params } = requestInsert(request, 1);
  await m.query(sql, params);
}

/** An occurrence as written: pending ones carry the conflicts met, approved ones none. */
export interface NewOccurrence {
  id: string;
  roomId: string;
  startsAt: Date;
  endsAt: Date;
  conflicts: Conflict[];
  fee: OccurrenceFee;
}

/** Approved on writing (a season's commit): when, by whom, with what note. */
export interface Decision {
  at: Date;
  by: string;
  note: string;
}

/**
 * A request's occurrences, with their fees, in one INSERT … SELECT FROM unnest whatever their number;
 * with a decision, approved (the claims trigger and the exclusion constraint check them like any
 * approval), otherwise pending. Parameters from `$first` on (17 of them).
 */
function occurrencesInsert(
  requestId: string,
  rows: NewOccurrence[],
  createdAt: Date,
  decision: Decision | null,
  first: number,
): { sql: string; params: unknown[] } {
  const p = (i: number) => `$${first + i}`;
  const sql = `INSERT INTO booking_occurrences (id, request_id, room_id, starts_at, ends_at, status, conflicts,
                                    list_ore, waived_ore, charged_ore, rule_id, rule_version, fee, decided_at,
                                    decided_by, decision_note, created_at)
   SELECT id, ${p(1)}::uuid, room_id, s, e, ${p(12)}::text, c, l, w, ch, r, v, f, ${p(13)}::timestamptz,
          ${p(14)}::uuid, ${p(15)}::text, ${p(16)}::timestamptz
     FROM unnest(${p(0)}::uuid[], ${p(2)}::uuid[], ${p(3)}::timestamptz[], ${p(4)}::timestamptz[],
                 ${p(5)}::jsonb[], ${p(6)}::int[], ${p(7)}::int[], ${p(8)}::int[], ${p(9)}::uuid[],
                 ${p(10)}::int[], ${p(11)}::jsonb[]) AS t(id, room_id, s, e, c, l, w, ch, r, v, f)`;
  const status: OccurrenceStatus = decision ? 'approved' : 'pending';
  const params = [
    rows.map((o) => o.id),
    requestId,
    rows.map((o) => o.roomId),
    rows.map((o) => o.startsAt),
    rows.map((o) => o.endsAt),
    rows.map((o) => JSON.stringify(decision ? [] : o.conflicts)),
    rows.map((o) => o.fee.listOre),
    rows.map((o) => o.fee.waivedOre),
    rows.map((o) => o.fee.chargedOre),
    rows.map((o) => o.fee.ruleId),
    rows.map((o) => o.fee.ruleVersion),
    rows.map((o) => JSON.stringify(o.fee)),
    status,
    decision?.at ?? null,
    decision?.by ?? null,
    decision?.note ?? null,
    decision?.at ?? createdAt,
  ];
  return { sql, params };
}

export async function insertOccurrences(
  m: EntityManager,
  requestId: string,
  rows: NewOccurrence[],
  { createdAt = new Date(), decision = null }: { createdAt?: Date; decision?: Decision | null } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const { sql, params } = occurrencesInsert(requestId, rows, createdAt, decision, 1);
  await m.query(sql, params);
}

/** One entry of the audit log. */
export interface NewEvent {
  requestId: string;
  action: string;
  actorId: string | null;
  occurrenceIds?: string[];
  reason?: string | null;
  details?: object | null;
  /** When it happened, if not now: only the demo's history writes the past. */
  at?: Date;
}

/** The event's INSERT with its parameters from `$first` on (6 of them, 7 with `at`). */
export function eventInsert(event: NewEvent, first: number): { sql: string; params: unknown[] } {
  const p = (i: number) => `$${first + i}`;
  // Only a past event names its time; the others take the column's default, now().
  const [atColumn, atValue] = event.at ? [', at', `, ${p(6)}::timestamptz`] : ['', ''];
  return {
    sql: `INSERT INTO booking_events (request_id, action, actor_id, occurrence_ids, reason, details${atColumn})
          VALUES (${p(0)}::uuid, ${p(1)}, ${p(2)}::uuid, ${p(3)}::uuid[], ${p(4)}, ${p(5)}::jsonb${atValue})`,
    params: [
      event.requestId,
      event.action,
      event.actorId,
      event.occurrenceIds ?? [],
      event.reason ?? null,
      event.details ? JSON.stringify(event.details) : null,
      ...(event.at ? [event.at] : []),
    ],
  };
}

/** Writes one entry of the audit log (every change writes one: it is also the request's version). */
export async function recordEvent(m: EntityManager, event: NewEvent): Promise<void> {
  const { sql, params } = eventInsert(event, 1);
  await m.query(sql, params);
}

/**
 * An occurrence whose life is over, as it went: decided (approved, or cancelled and when), and for
 * an approved one, whether it was used. The API refuses the past; only the demo's history writes it.
 */
export interface PastOccurrence extends Omit<NewOccurrence, 'conflicts'> {
  status: 'approved' | 'cancelled';
  decidedAt: Date;
  decidedBy: string | null;
  /** A cancelled one: closer than LATE_CANCELLATION_DAYS to the start. */
  cancelledLate: boolean | null;
  attendance: {
    kind: 'used' | 'no_show';
    participants: number | null;
    recordedAt: Date;
    recordedBy: string | null;
  } | null;
}

/**
 * A request's past occurrences, in one INSERT … SELECT FROM unnest. The approved ones claim their
 * time through the claims trigger like any approval; the cancelled ones claim nothing.
 */
export async function insertPastOccurrences(
  m: EntityManager,
  requestId: string,
  rows: PastOccurrence[],
  createdAt: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const col = <T>(f: (o: PastOccurrence) => T): T[] => rows.map(f);
  await m.query(
    `INSERT INTO booking_occurrences (id, request_id, room_id, starts_at, ends_at, status, list_ore, waived_ore,
                                      charged_ore, rule_id, rule_version, fee, decided_at, decided_by,
                                      cancelled_late, attendance, participants, attendance_recorded_at,
                                      attendance_recorded_by, created_at)
     SELECT id, $1::uuid, room_id, s, e, st, l, w, ch, r, v, f, da, db, late, att, p, ra, rb, $2::timestamptz
       FROM unnest($3::uuid[], $4::uuid[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::int[],
                   $9::int[], $10::int[], $11::uuid[], $12::int[], $13::jsonb[], $14::timestamptz[],
                   $15::uuid[], $16::boolean[], $17::text[], $18::int[], $19::timestamptz[], $20::uuid[])
            AS t(id, room_id, s, e, st, l, w, ch, r, v, f, da, db, late, att, p, ra, rb)`,
    [
      requestId,
      createdAt,
      col((o) => o.id),
      col((o) => o.roomId),
      col((o) => o.startsAt),
      col((o) => o.endsAt),
      col((o) => o.status),
      col((o) => o.fee.listOre),
      col((o) => o.fee.waivedOre),
      col((o) => o.fee.chargedOre),
      col((o) => o.fee.ruleId),
      col((o) => o.fee.ruleVersion),
      col((o) => JSON.stringify(o.fee)),
      col((o) => o.decidedAt),
      col((o) => o.decidedBy),
      col((o) => o.cancelledLate),
      col((o) => o.attendance?.kind ?? null),
      col((o) => o.attendance?.participants ?? null),
      col((o) => o.attendance?.recordedAt ?? null),
      col((o) => o.attendance?.recordedBy ?? null),
    ],
  );
}

/** A statement to run along with a write, and what to select once it is written (see insertRequestWhole). */
export interface Rider {
  sql: string;
  params: unknown[];
  select?: string;
}

/**
 * A new request whole — the request, its occurrences, its `created` entry and whatever `rider`
 * statement comes along (the outbox's messages) — in one round trip: data-modifying CTEs run as one
 * statement, so it is atomic without a transaction of its own, and the foreign keys are checked at its
 * end. `rider` gets the number its parameters start at.
 */
export async function insertRequestWhole(
  m: EntityManager,
  request: NewRequest,
  occurrences: NewOccurrence[],
  event: Omit<NewEvent, 'requestId'>,
  rider?: (first: number) => Rider | null,
): Promise<void> {
  const parts: { sql: string; params: unknown[] }[] = [];
  let next = 1;
  const add = (part: { sql: string; params: unknown[] }) => {
    parts.push(part);
    next += part.params.length;
  };
  add(requestInsert(request, next));
  if (occurrences.length > 0) add(occurrencesInsert(request.id, occurrences, request.createdAt, null, next));
  add(eventInsert({ ...event, requestId: request.id }, next));
  const extra = rider?.(next) ?? null;
  if (extra) add(extra);
  const sql = `WITH ${parts.map((x, i) => `w${i} AS (${x.sql})`).join(',\n')}\nSELECT ${extra?.select ?? '1'}`;
  await m.query(
    sql,
    parts.flatMap((x) => x.params),
  );
}

/** Re-derives the request's status from its occurrences, in the transaction that changed them. */
export async function refreshStatus(m: EntityManager, requestId: string): Promise<void> {
  const rows = await m.query<{ status: OccurrenceStatus }[]>(
    'SELECT status FROM booking_occurrences WHERE request_id = $1',
    [requestId],
  );
  await setRequestStatus(m, requestId, requestStatus(rows.map((r) => r.status)));
}

/** Sets a status decided elsewhere (a season application's, which has no occurrences to derive it from). */
export async function setRequestStatus(
  m: EntityManager,
  requestId: string,
  status: RequestStatus,
): Promise<void> {
  await m.query('UPDATE booking_requests SET status = $2 WHERE id = $1', [requestId, status]);
}

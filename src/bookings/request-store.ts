import { EntityManager } from 'typeorm';
import { AuthUser, isStaff } from '../common/auth/roles';
import { notFound } from '../common/errors/domain-error';
import { requestStatus } from '../core/bookings/request-status';
import { BookingRequest } from './booking-request.entity';
import { OccurrenceStatus } from './occurrence.entity';

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
  if (!isStaff(caller)) {
    const member = await m.query<unknown[]>(
      'SELECT 1 FROM organisation_members WHERE organisation_id = $1 AND user_id = $2',
      [request.organisationId, caller.id],
    );
    if (member.length === 0) throw notFound('Booking request');
  }
  return request;
}

/** Writes one entry of the audit log. */
export async function recordEvent(
  m: EntityManager,
  event: {
    requestId: string;
    action: string;
    actorId: string | null;
    occurrenceIds?: string[];
    reason?: string | null;
    details?: object | null;
  },
): Promise<void> {
  await m.query(
    `INSERT INTO booking_events (request_id, action, actor_id, occurrence_ids, reason, details)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      event.requestId,
      event.action,
      event.actorId,
      event.occurrenceIds ?? [],
      event.reason ?? null,
      event.details ? JSON.stringify(event.details) : null,
    ],
  );
}

/** Re-derives the request's status from its occurrences, in the transaction that changed them. */
export async function refreshStatus(m: EntityManager, requestId: string): Promise<void> {
  const rows = await m.query<{ status: OccurrenceStatus }[]>(
    'SELECT status FROM booking_occurrences WHERE request_id = $1',
    [requestId],
  );
  await m.update(BookingRequest, requestId, { status: requestStatus(rows.map((r) => r.status)) });
}

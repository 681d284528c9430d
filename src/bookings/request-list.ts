import { EntityManager, In } from 'typeorm';
import { AuthUser, isStaff } from '../common/auth/roles';
import { BookingRequest, REQUEST_STATUSES, RequestStatus } from '../booking-records/booking-request.entity';
import { requestViews } from './booking-views';
import { contactOf } from '../organisations/contact-access';
import { ConflictsService } from './conflicts.service';
import { BookingRequestQuery } from './dto/booking-request-query.dto';
import { BookingRequestPage, BookingRequestView, RequestStateCounts } from './dto/views';

/** The first date still pending, else the request's first date (a season application has none). */
const FIRST_DATE = `COALESCE((SELECT min(o.starts_at) FROM booking_occurrences o
                               WHERE o.request_id = r.id AND o.status = 'pending'), r.starts_at)`;

/**
 * Requests as staff's inbox and an applicant's list want them: filtered (building, room, season,
 * organisation, state), sorted by creation or by first date, with the counts per state under the same
 * filters and, for each request on the page, whether a pending date conflicts as things stand now
 * (ConflictsService.meeting: the same rule as the request's own view, asked only whether).
 */
export async function listRequests(
  m: EntityManager,
  q: BookingRequestQuery,
  caller: AuthUser,
  conflicts: ConflictsService,
): Promise<BookingRequestPage> {
  const params: unknown[] = [];
  const p = (value: unknown): string => `$${params.push(value)}`;
  const base: string[] = [];
  if (!isStaff(caller)) {
    base.push(contactOf('r.organisation_id', p(caller.id)));
  }
  if (q.organisationId) base.push(`r.organisation_id = ${p(q.organisationId)}`);
  if (q.roomId) base.push(`r.room_id = ${p(q.roomId)}`);
  if (q.seasonId) base.push(`r.season_id = ${p(q.seasonId)}`);
  if (q.buildingId) base.push(`r.room_id IN (SELECT id FROM rooms WHERE building_id = ${p(q.buildingId)})`);
  const filtered = [...base];
  if (q.status) filtered.push(`r.status = ${p(q.status)}`);
  if (q.pending) filtered.push(`r.status IN ('submitted', 'in_review')`);
  const where = (w: string[]) => (w.length > 0 ? `WHERE ${w.join(' AND ')}` : '');
  const order = q.sort === 'firstDate' ? `${FIRST_DATE} NULLS LAST, r.id` : 'r.created_at DESC, r.id';

  // The counts use only the base filters' parameters, which come first.
  const baseParams = params.slice(0, params.length - (q.status ? 1 : 0));
  const [page, totals, perState] = await Promise.all([
    m.query<{ id: string }[]>(
      `SELECT r.id FROM booking_requests r ${where(filtered)} ORDER BY ${order}
        LIMIT ${Number(q.limit)} OFFSET ${Number(q.offset)}`,
      params,
    ),
    m.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM booking_requests r ${where(filtered)}`, params),
    m.query<{ status: RequestStatus; n: number }[]>(
      `SELECT r.status, count(*)::int AS n FROM booking_requests r ${where(base)} GROUP BY r.status`,
      baseParams,
    ),
  ]);
  const ids = page.map((r) => r.id);
  const [views, marked] = await Promise.all([
    viewsOf(m, ids),
    // Whether, not which: a request is marked when a pending date meets anything but its own other dates.
    conflicts.meeting(m, { pendingOfRequests: ids }, { self: false }),
  ]);
  const conflicting = new Set(marked.map((o) => o.requestId));
  const counts = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, 0])) as unknown as RequestStateCounts;
  for (const row of perState) counts[row.status] = row.n;
  return {
    items: views.map((v) => ({ ...v, hasConflict: conflicting.has(v.id) })),
    total: totals[0].n,
    counts,
  };
}

/** The requests' views, in the order of `ids`. */
async function viewsOf(m: EntityManager, ids: string[]): Promise<BookingRequestView[]> {
  if (ids.length === 0) return [];
  const found = new Map((await m.findBy(BookingRequest, { id: In(ids) })).map((r) => [r.id, r]));
  return requestViews(
    m,
    ids.map((id) => found.get(id)!),
  );
}

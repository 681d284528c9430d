import { EntityManager, In } from 'typeorm';
import { formatInstant } from '../common/time';
import { OccurrenceFee, sumFees } from '../core/pricing';
import { BookingRequest } from '../booking-records/booking-request.entity';
import { ConflictsService } from './conflicts.service';
import { BookingRequestView, FeeView, OccurrenceView } from './dto/views';
import { Conflict, Occurrence, StoredFee } from '../booking-records/occurrence.entity';
import { versionsOf } from '../booking-records/version-queries';
import { together } from '../database/transaction';

type StoredFeeColumns = Pick<
  Occurrence,
  'listOre' | 'waivedOre' | 'chargedOre' | 'ruleId' | 'ruleVersion'
> & {
  fee: StoredFee | OccurrenceFee | null;
};

interface RuleRef {
  ruleId: string;
  ruleVersion: number;
  name: string;
  failed?: unknown;
}

interface ExplanationInBrief {
  summary?: string;
  noPriceList?: boolean;
  applied?: RuleRef | null;
  nearMiss?: RuleRef | null;
}

/** The fee as answered: its lines, and the explanation in brief (the whole one is stored). */
export function toFeeView(o: StoredFeeColumns): FeeView {
  const explanation: ExplanationInBrief | undefined = o.fee?.explanation;
  const ref = (r: RuleRef | null | undefined) =>
    r
      ? {
          ruleId: r.ruleId,
          ruleVersion: r.ruleVersion,
          name: r.name,
          ...(r.failed ? { failed: r.failed } : {}),
        }
      : null;
  return {
    listOre: o.listOre,
    waivedOre: o.waivedOre,
    chargedOre: o.chargedOre,
    ruleId: o.ruleId,
    ruleVersion: o.ruleVersion,
    lines: (o.fee?.lines ?? []).map((l) => ({
      kind: l.kind,
      listOre: l.listOre,
      waivedOre: l.waivedOre,
      chargedOre: l.chargedOre,
    })),
    explanation: explanation && {
      summary: explanation.summary,
      noPriceList: explanation.noPriceList,
      applied: ref(explanation.applied),
      nearMiss: ref(explanation.nearMiss),
    },
  };
}

/**
 * An occurrence as answered. A pending one shows what it meets now (`current`, from
 * ConflictsService.current; without it, what was found when it was last written); a decided one is
 * past competing and shows none.
 */
export function toOccurrenceView(o: Occurrence, current?: Conflict[]): OccurrenceView {
  return {
    id: o.id,
    roomId: o.roomId,
    startsAt: formatInstant(o.startsAt),
    endsAt: formatInstant(o.endsAt),
    status: o.status,
    conflicts: o.status === 'pending' ? (current ?? o.conflicts) : [],
    fee: toFeeView(o),
    decisionNote: o.decisionNote,
    cancelledLate: o.cancelledLate,
  };
}

/** Fees count while an occurrence is pending or approved; rejected, withdrawn and cancelled cost nothing. */
const counts = (o: Occurrence): boolean => o.status === 'pending' || o.status === 'approved';

/** What a request's view needs beyond the request and its occurrences. */
export interface RequestContext {
  organisationName: string;
  version: number;
  room?: RoomRef;
}

interface RoomRef {
  name: string;
  building_id: string;
  building_name: string;
}

/** The first date still pending, else the first date. */
function firstStart(occurrences: Occurrence[]): Date | null {
  const pending = occurrences.filter((o) => o.status === 'pending');
  const from = pending.length > 0 ? pending : occurrences;
  return from.reduce<Date | null>((a, o) => (a && a <= o.startsAt ? a : o.startsAt), null);
}

/** A request as answered. */
export function toRequestView(
  r: BookingRequest,
  ctx: RequestContext,
  occurrences: Occurrence[],
  withOccurrences: boolean,
  current?: Map<string, Conflict[]>,
): BookingRequestView {
  const first = firstStart(occurrences);
  return {
    id: r.id,
    organisationId: r.organisationId,
    organisationName: ctx.organisationName,
    roomId: r.roomId,
    title: r.title,
    purpose: r.purpose,
    ageGroup: r.ageGroup,
    expectedParticipants: r.expectedParticipants,
    chargesEntranceFee: r.chargesEntranceFee,
    startsAt: r.startsAt ? formatInstant(r.startsAt) : null,
    endsAt: r.endsAt ? formatInstant(r.endsAt) : null,
    recurrence: r.rrule ? { rrule: r.rrule, exdates: r.exdates } : null,
    status: r.status,
    createdAt: formatInstant(r.createdAt),
    total: sumFees(occurrences.filter(counts)),
    occurrenceCount: occurrences.length,
    pendingCount: occurrences.filter((o) => o.status === 'pending').length,
    firstStartsAt: first ? formatInstant(first) : null,
    roomName: ctx.room?.name ?? null,
    buildingId: ctx.room?.building_id ?? null,
    buildingName: ctx.room?.building_name ?? null,
    version: ctx.version,
    ...(withOccurrences
      ? { occurrences: occurrences.map((o) => toOccurrenceView(o, current?.get(o.id))) }
      : {}),
  };
}

/** What a list's view reads of each occurrence. */
const LISTED_COLUMNS = {
  id: true,
  requestId: true,
  status: true,
  startsAt: true,
  listOre: true,
  waivedOre: true,
  chargedOre: true,
} as const;

/**
 * Requests as answered, with their organisation's name, room, version and totals; given `conflicts`,
 * with their occurrences too, the pending ones with their conflicts as they stand now (lists pass none).
 */
export async function requestViews(
  m: EntityManager,
  requests: BookingRequest[],
  conflicts?: ConflictsService,
): Promise<BookingRequestView[]> {
  if (requests.length === 0) return [];
  const ids = requests.map((r) => r.id);
  const roomIds = [...new Set(requests.map((r) => r.roomId).filter((id): id is string => id !== null))];
  // Four reads that need only the requests; the conflicts, after the occurrences they are of.
  const [[occurrences, current], orgs, rooms, versions] = await together(
    m,
    async () => {
      const found = await m.find(Occurrence, {
        where: { requestId: In(ids) },
        order: { startsAt: 'ASC', id: 'ASC' },
        // A list shows the totals and first date, not each date: none of the stored fee's lines.
        ...(conflicts ? {} : { select: LISTED_COLUMNS }),
      });
      const pending = found.filter((o) => o.status === 'pending');
      return [found, conflicts ? await conflicts.current(m, pending) : undefined] as const;
    },
    () =>
      m.query<{ id: string; name: string }[]>('SELECT id, name FROM organisations WHERE id = ANY($1)', [
        [...new Set(requests.map((r) => r.organisationId))],
      ]),
    () =>
      m.query<(RoomRef & { id: string })[]>(
        `SELECT r.id, r.name, b.id AS building_id, b.name AS building_name
           FROM rooms r JOIN buildings b ON b.id = r.building_id WHERE r.id = ANY($1)`,
        [roomIds],
      ),
    () => versionsOf(m, ids),
  );
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const roomOf = new Map(rooms.map((r) => [r.id, r]));
  const byRequest = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    const list = byRequest.get(o.requestId);
    if (list) list.push(o);
    else byRequest.set(o.requestId, [o]);
  }
  return requests.map((r) =>
    toRequestView(
      r,
      {
        organisationName: orgName.get(r.organisationId) ?? '',
        version: versions.get(r.id) ?? 0,
        room: r.roomId ? roomOf.get(r.roomId) : undefined,
      },
      byRequest.get(r.id) ?? [],
      Boolean(conflicts),
      current,
    ),
  );
}

import { EntityManager, In } from 'typeorm';
import { formatInstant } from '../common/time';
import { sumFees } from '../core/pricing';
import { BookingRequest } from './booking-request.entity';
import { BookingRequestView, OccurrenceView } from './dto/views';
import { Occurrence } from './occurrence.entity';

export function toOccurrenceView(o: Occurrence): OccurrenceView {
  return {
    id: o.id,
    roomId: o.roomId,
    startsAt: formatInstant(o.startsAt),
    endsAt: formatInstant(o.endsAt),
    status: o.status,
    conflicts: o.conflicts,
    fee: {
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
      explanation: o.fee?.explanation,
    },
    decisionNote: o.decisionNote,
    cancelledLate: o.cancelledLate,
  };
}

/** Fees count while an occurrence is pending or approved; rejected, withdrawn and cancelled cost nothing. */
const counts = (o: Occurrence): boolean => o.status === 'pending' || o.status === 'approved';

/** Requests as answered, with their organisation's name, totals and (optionally) occurrences. */
export async function requestViews(
  m: EntityManager,
  requests: BookingRequest[],
  withOccurrences: boolean,
): Promise<BookingRequestView[]> {
  if (requests.length === 0) return [];
  const ids = requests.map((r) => r.id);
  const occurrences = await m.find(Occurrence, {
    where: { requestId: In(ids) },
    order: { startsAt: 'ASC', id: 'ASC' },
  });
  const orgs = await m.query<{ id: string; name: string }[]>(
    'SELECT id, name FROM organisations WHERE id = ANY($1)',
    [[...new Set(requests.map((r) => r.organisationId))]],
  );
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  return requests.map((r) => {
    const mine = occurrences.filter((o) => o.requestId === r.id);
    const total = sumFees(mine.filter(counts));
    return {
      id: r.id,
      organisationId: r.organisationId,
      organisationName: orgName.get(r.organisationId) ?? '',
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
      total,
      occurrenceCount: mine.length,
      ...(withOccurrences ? { occurrences: mine.map(toOccurrenceView) } : {}),
    };
  });
}

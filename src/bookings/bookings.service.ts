import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/roles';
import { formatInstant } from '../common/time';
import { sumFees } from '../core/pricing';
import { BookingNotices } from './booking-notices';
import { BookingPlanner, PlannedOccurrence } from './booking-planner';
import { BookingRequest } from '../booking-records/booking-request.entity';
import { ConflictsService } from './conflicts.service';
import { requestViews, toRequestView } from './booking-views';
import { BookingRequestQuery } from './dto/booking-request-query.dto';
import { CreateBookingRequestDto } from './dto/booking-request.dto';
import { listRequests } from './request-list';
import { BookingRequestPage, BookingRequestView, HistoryView, QuoteView } from './dto/views';
import { Occurrence } from '../booking-records/occurrence.entity';
import {
  insertRequestWhole,
  NewOccurrence,
  NewRequest,
  requestFor,
} from '../booking-records/request-queries';
import { OUTBOX_WAKE, outboxInsert } from '../notifications/outbox.service';

@Injectable()
export class BookingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly planner: BookingPlanner,
    private readonly notices: BookingNotices,
    private readonly conflicts: ConflictsService,
  ) {}

  /**
   * Checks, expands, finds conflicts, prices, and stores the request with its occurrences, its history
   * entry and its mails, in two round trips after the session check: one read (the plan's, a prepared
   * statement on this connection) and one write, a single statement and so atomic by itself. There is
   * no BEGIN/COMMIT to wait for: under READ COMMITTED a transaction would not have made the read any
   * more consistent (it takes no locks; the exclusion constraint guards approvals, not requests). The
   * answer is built from what is in memory.
   */
  async create(
    dto: CreateBookingRequestDto,
    caller: AuthUser,
    manager?: EntityManager,
  ): Promise<BookingRequestView> {
    if (manager) return this.createIn(manager, dto, caller);
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      return await this.createIn(runner.manager, dto, caller);
    } finally {
      await runner.release();
    }
  }

  private async createIn(
    m: EntityManager,
    dto: CreateBookingRequestDto,
    caller: AuthUser,
  ): Promise<BookingRequestView> {
    const plan = await this.planner.plan(dto, caller, m, { forBooking: true });
    const request = newRequest(dto, caller);
    const occurrences = plan.occurrences.map((o) => newOccurrence(request, o));
    const messages = this.notices.receivedMessages(
      {
        title: request.title,
        organisationName: plan.organisation.name,
        roomName: plan.room.name ?? '',
        buildingName: plan.room.building_name ?? '',
      },
      plan.contacts,
      occurrences,
    );
    await insertRequestWhole(
      m,
      request,
      occurrences,
      { action: 'created', actorId: caller.id, details: { occurrences: occurrences.length } },
      (first) => (messages.length > 0 ? { ...outboxInsert(messages, first), select: OUTBOX_WAKE } : null),
    );
    // The entry just written is the first change: version 1.
    return toRequestView(
      request,
      { organisationName: plan.organisation.name, version: 1, room: plan.room },
      occurrences,
      true,
    );
  }

  /** What a request would cost and meet, without storing anything. */
  async quote(dto: CreateBookingRequestDto, caller: AuthUser): Promise<QuoteView> {
    const plan = await this.planner.plan(dto, caller, this.dataSource.manager, { forBooking: false });
    return {
      occurrences: plan.occurrences.map((o) => ({
        startsAt: formatInstant(o.startsAt),
        endsAt: formatInstant(o.endsAt),
        listOre: o.fee.listOre,
        waivedOre: o.fee.waivedOre,
        chargedOre: o.fee.chargedOre,
        ruleId: o.fee.ruleId,
        ruleVersion: o.fee.ruleVersion,
        lines: o.fee.lines.map((l) => ({
          kind: l.kind,
          listOre: l.listOre,
          waivedOre: l.waivedOre,
          chargedOre: l.chargedOre,
        })),
        conflicts: o.conflicts,
        explanation: o.fee.explanation.summary,
      })),
      total: sumFees(plan.occurrences.map((o) => o.fee)),
    };
  }

  async get(
    id: string,
    caller: AuthUser,
    m: EntityManager = this.dataSource.manager,
  ): Promise<BookingRequestView> {
    const [view] = await requestViews(m, [await requestFor(m, id, caller)], this.conflicts);
    return view;
  }

  list(q: BookingRequestQuery, caller: AuthUser): Promise<BookingRequestPage> {
    return listRequests(this.dataSource.manager, q, caller, this.conflicts);
  }

  async history(id: string, caller: AuthUser): Promise<HistoryView> {
    const m = this.dataSource.manager;
    await requestFor(m, id, caller);
    const rows = await m.query<
      {
        action: string;
        at: Date;
        actor_id: string | null;
        actor_name: string | null;
        occurrence_ids: string[];
        reason: string | null;
        details: unknown;
      }[]
    >(
      `SELECT e.action, e.at, e.actor_id, u.name AS actor_name, e.occurrence_ids, e.reason, e.details
         FROM booking_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.request_id = $1 ORDER BY e.at, e.id`,
      [id],
    );
    const items = rows.map((r) => ({
      action: r.action,
      at: formatInstant(r.at),
      actorId: r.actor_id,
      actorName: r.actor_name,
      occurrenceIds: r.occurrence_ids,
      reason: r.reason,
      details: r.details ?? undefined,
    }));
    return { items, total: items.length };
  }
}

/** The request as written and answered. */
function newRequest(dto: CreateBookingRequestDto, caller: AuthUser): BookingRequest & NewRequest {
  return {
    id: randomUUID(),
    organisationId: dto.organisationId,
    roomId: dto.roomId,
    title: dto.title,
    purpose: dto.purpose ?? null,
    ageGroup: dto.ageGroup,
    expectedParticipants: dto.expectedParticipants,
    chargesEntranceFee: dto.chargesEntranceFee ?? false,
    startsAt: dto.startsAt,
    endsAt: dto.endsAt,
    rrule: dto.recurrence?.rrule ?? null,
    exdates: dto.recurrence?.exdates ?? [],
    seasonId: null,
    preferences: null,
    sessionsPerWeek: null,
    status: 'submitted',
    accessStatus: 'pending',
    accessMethod: null,
    accessNote: null,
    accessValidFrom: null,
    accessValidTo: null,
    createdBy: caller.id,
    createdAt: new Date(),
  };
}

/** A planned occurrence as written (pending, with what it meets) and answered. */
function newOccurrence(request: BookingRequest, o: PlannedOccurrence): Occurrence & NewOccurrence {
  return {
    id: randomUUID(),
    requestId: request.id,
    roomId: o.roomId,
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    period: '',
    status: 'pending',
    conflicts: o.conflicts,
    listOre: o.fee.listOre,
    waivedOre: o.fee.waivedOre,
    chargedOre: o.fee.chargedOre,
    ruleId: o.fee.ruleId,
    ruleVersion: o.fee.ruleVersion,
    fee: o.fee,
    decidedAt: null,
    decidedBy: null,
    decisionNote: null,
    cancelledLate: null,
    attendance: null,
    participants: null,
    attendanceRecordedAt: null,
    attendanceRecordedBy: null,
    createdAt: request.createdAt,
  };
}

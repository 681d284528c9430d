import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../database/transaction';
import { AuthUser } from '../common/auth/roles';
import { formatInstant } from '../common/time';
import { sumFees } from '../core/pricing';
import { BookingNotices } from './booking-notices';
import { BookingPlanner } from './booking-planner';
import { BookingRequest } from './booking-request.entity';
import { ConflictsService } from './conflicts.service';
import { requestViews, toRequestView } from './booking-views';
import { BookingRequestQuery } from './dto/booking-request-query.dto';
import { CreateBookingRequestDto } from './dto/booking-request.dto';
import { listRequests } from './request-list';
import { BookingRequestPage, BookingRequestView, HistoryView, QuoteView } from './dto/views';
import { Occurrence } from './occurrence.entity';
import { recordEvent, requestFor } from './request-store';

@Injectable()
export class BookingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly planner: BookingPlanner,
    private readonly notices: BookingNotices,
    private readonly conflicts: ConflictsService,
  ) {}

  /**
   * Checks, expands, finds conflicts, prices, and stores the request with its occurrences in one
   * transaction: a handful of statements whatever the number of dates (the occurrences go in as one
   * INSERT … SELECT FROM unnest).
   */
  async create(
    dto: CreateBookingRequestDto,
    caller: AuthUser,
    manager?: EntityManager,
  ): Promise<BookingRequestView> {
    return inTransaction(this.dataSource, manager, async (m) => {
      const plan = await this.planner.plan(dto, caller, m, { forBooking: true });
      const request: BookingRequest = {
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
        status: 'submitted',
        accessStatus: 'pending',
        accessMethod: null,
        accessNote: null,
        accessValidFrom: null,
        accessValidTo: null,
        createdBy: caller.id,
        createdAt: new Date(),
      };
      await m.query(
        `INSERT INTO booking_requests (id, organisation_id, room_id, title, purpose, age_group, expected_participants,
                                       charges_entrance_fee, starts_at, ends_at, rrule, exdates, status, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [
          request.id,
          request.organisationId,
          request.roomId,
          request.title,
          request.purpose,
          request.ageGroup,
          request.expectedParticipants,
          request.chargesEntranceFee,
          request.startsAt,
          request.endsAt,
          request.rrule,
          request.exdates,
          request.status,
          request.createdBy,
          request.createdAt,
        ],
      );
      const occurrences = plan.occurrences.map((o): Occurrence => ({
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
      }));
      await m.query(
        `INSERT INTO booking_occurrences (id, request_id, room_id, starts_at, ends_at, conflicts,
                                          list_ore, waived_ore, charged_ore, rule_id, rule_version, fee, created_at)
         SELECT id, $2, room_id, s, e, c, l, w, ch, r, v, f, $13
           FROM unnest($1::uuid[], $3::uuid[], $4::timestamptz[], $5::timestamptz[], $6::jsonb[], $7::int[],
                       $8::int[], $9::int[], $10::uuid[], $11::int[], $12::jsonb[]) AS t(id, room_id, s, e, c, l, w, ch, r, v, f)`,
        [
          occurrences.map((o) => o.id),
          request.id,
          occurrences.map((o) => o.roomId),
          occurrences.map((o) => o.startsAt),
          occurrences.map((o) => o.endsAt),
          occurrences.map((o) => JSON.stringify(o.conflicts)),
          occurrences.map((o) => o.listOre),
          occurrences.map((o) => o.waivedOre),
          occurrences.map((o) => o.chargedOre),
          occurrences.map((o) => o.ruleId),
          occurrences.map((o) => o.ruleVersion),
          occurrences.map((o) => JSON.stringify(o.fee)),
          request.createdAt,
        ],
      );
      await recordEvent(m, {
        requestId: request.id,
        action: 'created',
        actorId: caller.id,
        details: { occurrences: occurrences.length },
      });
      await this.notices.received(m, request.id, occurrences);
      const [room] = await m.query<{ name: string; building_id: string; building_name: string }[]>(
        `SELECT r.name, b.id AS building_id, b.name AS building_name
           FROM rooms r JOIN buildings b ON b.id = r.building_id WHERE r.id = $1`,
        [request.roomId],
      );
      // The entry just written is the first change: version 1.
      return toRequestView(
        request,
        { organisationName: plan.organisation.name, version: 1, room },
        occurrences,
        true,
      );
    });
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

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../database/transaction';
import { AuthUser, isStaff } from '../common/auth/roles';
import { Page } from '../common/http/pagination';
import { formatInstant } from '../common/time';
import { sumFees } from '../core/pricing';
import { BookingPlanner } from './booking-planner';
import { BookingRequest } from './booking-request.entity';
import { requestViews } from './booking-views';
import { BookingRequestQuery, CreateBookingRequestDto } from './dto/booking-request.dto';
import { BookingRequestView, HistoryView, QuoteView } from './dto/views';
import { Occurrence } from './occurrence.entity';
import { recordEvent, requestFor } from './request-store';

@Injectable()
export class BookingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly planner: BookingPlanner,
  ) {}

  /** Checks, expands, finds conflicts, prices, and stores the request with its occurrences in one go. */
  async create(
    dto: CreateBookingRequestDto,
    caller: AuthUser,
    manager?: EntityManager,
  ): Promise<BookingRequestView> {
    return inTransaction(this.dataSource, manager, async (m) => {
      const plan = await this.planner.plan(dto, caller, m);
      const request = await m.getRepository(BookingRequest).save({
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
        status: 'submitted',
        createdBy: caller.id,
      });
      await m.insert(
        Occurrence,
        plan.occurrences.map((o) => ({
          requestId: request.id,
          roomId: o.roomId,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          status: 'pending' as const,
          conflicts: o.conflicts,
          listOre: o.fee.listOre,
          waivedOre: o.fee.waivedOre,
          chargedOre: o.fee.chargedOre,
          ruleId: o.fee.ruleId,
          ruleVersion: o.fee.ruleVersion,
          fee: o.fee,
        })),
      );
      await recordEvent(m, {
        requestId: request.id,
        action: 'created',
        actorId: caller.id,
        details: { occurrences: plan.occurrences.length },
      });
      const [view] = await requestViews(m, [request], true);
      return view;
    });
  }

  /** What a request would cost and meet, without storing anything. */
  async quote(dto: CreateBookingRequestDto, caller: AuthUser): Promise<QuoteView> {
    const plan = await this.planner.plan(dto, caller, this.dataSource.manager);
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
    const [view] = await requestViews(m, [await requestFor(m, id, caller)], true);
    return view;
  }

  async list(q: BookingRequestQuery, caller: AuthUser): Promise<Page<BookingRequestView>> {
    const qb = this.dataSource
      .getRepository(BookingRequest)
      .createQueryBuilder('r')
      .orderBy('r.createdAt', 'DESC')
      .addOrderBy('r.id')
      .take(q.limit)
      .skip(q.offset);
    if (!isStaff(caller)) {
      qb.andWhere(
        'r.organisationId IN (SELECT organisation_id FROM organisation_members WHERE user_id = :me)',
        {
          me: caller.id,
        },
      );
    }
    if (q.status) qb.andWhere('r.status = :status', { status: q.status });
    if (q.organisationId) qb.andWhere('r.organisationId = :org', { org: q.organisationId });
    if (q.roomId) qb.andWhere('r.roomId = :room', { room: q.roomId });
    if (q.seasonId) qb.andWhere('r.seasonId = :season', { season: q.seasonId });
    const [requests, total] = await qb.getManyAndCount();
    return { items: await requestViews(this.dataSource.manager, requests, false), total };
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

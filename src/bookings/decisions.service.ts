import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuthUser } from '../common/auth/roles';
import { DomainError, isExclusionViolation, notFound } from '../common/errors/domain-error';
import { inTransaction, inTransactionRetryingDeadlocks } from '../database/transaction';
import { BookingNotices } from './booking-notices';
import { BookingRequest } from '../booking-records/booking-request.entity';
import { requestViews } from './booking-views';
import { ConflictsService, isBlocked } from './conflicts.service';
import { ApproveDto, RejectDto, RepriceDto } from './dto/booking-request.dto';
import { BookingRequestView } from './dto/views';
import { Conflict, Occurrence } from '../booking-records/occurrence.entity';
import { feeColumns, Repricer } from './repricer';
import { recordEvent, refreshStatus, requestFor } from '../booking-records/request-queries';
import { checkVersion } from '../booking-records/version-queries';

/**
 * Decisions on requests: approve (all or none), reject, withdraw, re-price. Each runs in one
 * transaction with the request locked, writes the audit log and re-derives the request's status.
 * Changes to one occurrence (cancel, move) are in OccurrenceChangesService.
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conflicts: ConflictsService,
    private readonly repricer: Repricer,
    private readonly notices: BookingNotices,
  ) {}

  /**
   * Approves the given pending occurrences, by default all of them without a blocking conflict. All or
   * none: if any is blocked (checked now, and by the database's exclusion constraint at the write), the
   * answer is 409 BOOKING_CONFLICT naming what is in the way, and nothing changes.
   */
  async approve(
    id: string,
    dto: ApproveDto,
    caller: AuthUser,
    manager?: EntityManager,
  ): Promise<BookingRequestView> {
    try {
      return await inTransactionRetryingDeadlocks(this.dataSource, manager, async (m) => {
        const request = await requestFor(m, id, caller, true);
        await checkVersion(m, id, dto.expectedVersion);
        const pending = (await this.occurrences(m, id, dto.occurrenceIds)).filter(
          (o) => o.status === 'pending',
        );
        if (dto.occurrenceIds && pending.length !== dto.occurrenceIds.length) {
          throw new DomainError('INVALID_STATE', 'Only pending occurrences can be approved');
        }
        const fresh = await this.recheck(m, pending);
        const targets = dto.occurrenceIds ? pending : pending.filter((o) => !isBlocked(fresh.get(o.id)!));
        const blocked = targets.filter((o) => isBlocked(fresh.get(o.id)!));
        if (targets.length === 0 || blocked.length > 0) {
          throw bookingConflict(
            blocked.length > 0 ? blocked : pending,
            fresh,
            targets.length === 0 ? 'No pending occurrence can be approved' : undefined,
          );
        }
        const ids = targets.map((o) => o.id);
        await m.update(
          Occurrence,
          { id: In(ids) },
          { status: 'approved', decidedAt: new Date(), decidedBy: caller.id, decisionNote: dto.note ?? null },
        );
        await recordEvent(m, {
          requestId: id,
          action: 'approved',
          actorId: caller.id,
          occurrenceIds: ids,
          reason: dto.note,
        });
        await this.notices.seriesApproved(m, id, targets);
        return this.finish(m, request);
      });
    } catch (error) {
      if (isExclusionViolation(error)) {
        throw new DomainError(
          'BOOKING_CONFLICT',
          'Another booking took this time first; nothing was approved',
        );
      }
      throw error;
    }
  }

  async reject(
    id: string,
    dto: RejectDto,
    caller: AuthUser,
    manager?: EntityManager,
  ): Promise<BookingRequestView> {
    return inTransaction(this.dataSource, manager, async (m) => {
      const request = await requestFor(m, id, caller, true);
      await checkVersion(m, id, dto.expectedVersion);
      const pending = (await this.occurrences(m, id, dto.occurrenceIds)).filter(
        (o) => o.status === 'pending',
      );
      if (pending.length === 0 || (dto.occurrenceIds && pending.length !== dto.occurrenceIds.length)) {
        throw new DomainError('INVALID_STATE', 'Only pending occurrences can be rejected');
      }
      const ids = pending.map((o) => o.id);
      await m.update(
        Occurrence,
        { id: In(ids) },
        { status: 'rejected', decidedAt: new Date(), decidedBy: caller.id, decisionNote: dto.reason },
      );
      await recordEvent(m, {
        requestId: id,
        action: 'rejected',
        actorId: caller.id,
        occurrenceIds: ids,
        reason: dto.reason,
      });
      return this.finish(m, request);
    });
  }

  /** The organisation takes back what is still pending. */
  async withdraw(id: string, reason: string | undefined, caller: AuthUser): Promise<BookingRequestView> {
    return this.dataSource.transaction(async (m) => {
      const request = await requestFor(m, id, caller, true);
      const pending = (await this.occurrences(m, id)).filter((o) => o.status === 'pending');
      if (pending.length === 0) throw new DomainError('INVALID_STATE', 'Nothing is pending to withdraw');
      const ids = pending.map((o) => o.id);
      await m.update(
        Occurrence,
        { id: In(ids) },
        { status: 'withdrawn', decidedAt: new Date(), decidedBy: caller.id },
      );
      await recordEvent(m, {
        requestId: id,
        action: 'withdrawn',
        actorId: caller.id,
        occurrenceIds: ids,
        reason,
      });
      return this.finish(m, request);
    });
  }

  /** Staff re-price a request's pending and approved occurrences under today's rules, on purpose. */
  async reprice(id: string, dto: RepriceDto, caller: AuthUser): Promise<BookingRequestView> {
    const { reason } = dto;
    return this.dataSource.transaction(async (m) => {
      const request = await requestFor(m, id, caller, true);
      await checkVersion(m, id, dto.expectedVersion);
      const all = await this.occurrences(m, id);
      const live = all.filter((o) => o.status === 'pending' || o.status === 'approved');
      if (live.length === 0)
        throw new DomainError('INVALID_STATE', 'Nothing pending or approved to re-price');
      const fees = await this.repricer.price(m, request, live, live[0]);
      const before = live.reduce((sum, o) => sum + o.chargedOre, 0);
      for (const [i, o] of live.entries()) await m.update(Occurrence, o.id, feeColumns(fees[i]));
      await recordEvent(m, {
        requestId: id,
        action: 'repriced',
        actorId: caller.id,
        occurrenceIds: live.map((o) => o.id),
        reason,
        details: {
          chargedOreBefore: before,
          chargedOreAfter: fees.reduce((sum, f) => sum + f.chargedOre, 0),
        },
      });
      return this.finish(m, request);
    });
  }

  private async occurrences(m: EntityManager, requestId: string, only?: string[]): Promise<Occurrence[]> {
    const rows = await m.find(Occurrence, {
      where: { requestId, ...(only ? { id: In(only) } : {}) },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    if (only && rows.length !== only.length) throw notFound('Occurrence');
    return rows;
  }

  /** Conflicts of pending occurrences as they stand now (other requests may have been approved since). */
  private recheck(m: EntityManager, pending: Occurrence[]): Promise<Map<string, Conflict[]>> {
    return this.conflicts.current(m, pending);
  }

  /** Re-derives the status, tells the organisation once its request is decided, answers the request. */
  private async finish(m: EntityManager, request: BookingRequest): Promise<BookingRequestView> {
    await refreshStatus(m, request.id);
    await this.notices.decidedIfDone(m, request.id);
    const [view] = await requestViews(
      m,
      [(await m.findOneBy(BookingRequest, { id: request.id }))!],
      this.conflicts,
    );
    return view;
  }
}

function bookingConflict(
  occurrences: Occurrence[],
  fresh: Map<string, Conflict[]>,
  message?: string,
): DomainError {
  return new DomainError(
    'BOOKING_CONFLICT',
    message ?? 'Some occurrences are blocked; nothing was approved',
    occurrences.map((o) => ({
      occurrenceId: o.id,
      startsAt: o.startsAt,
      conflicts: (fresh.get(o.id) ?? []).filter((c) => c.kind !== 'request' && c.kind !== 'self'),
    })),
  );
}

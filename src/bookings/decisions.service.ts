import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/roles';
import { DomainError, isExclusionViolation, notFound } from '../common/errors/domain-error';
import { inTransaction, inTransactionRetryingDeadlocks } from '../database/transaction';
import { BookingNotices } from './booking-notices';
import { BookingRequest } from '../booking-records/booking-request.entity';
import { requestViews, toRequestView } from './booking-views';
import { ConflictsService, isBlocked } from './conflicts.service';
import { ApproveDto, RejectDto, RepriceDto } from './dto/booking-request.dto';
import { BookingRequestView } from './dto/views';
import { Conflict, Occurrence } from '../booking-records/occurrence.entity';
import { feeColumns, Repricer } from './repricer';
import { DecisionState, lockRequest, readDecision, writeDecision } from '../booking-records/decision-queries';
import { recordEvent, refreshStatus } from '../booking-records/request-queries';
import { requestStatus } from '../core/bookings/request-status';
import { OUTBOX_WAKE, outboxInsert } from '../notifications/outbox.service';
import { checkVersion } from '../booking-records/version-queries';

/**
 * Decisions on requests: approve (all or none), reject, withdraw, re-price. Each runs in one
 * transaction with the request locked, writes the audit log and re-derives the request's status.
 * Changes to one occurrence (cancel, move) are in OccurrenceChangesService.
 *
 * Approve, reject and withdraw work from what they read once, in this order of round trips (besides the
 * auth guard's user lookup, BEGIN and COMMIT): lock the request (a statement of its own, see
 * lockRequest); read its version, occurrences, names and mail recipients (readDecision); for an
 * approval, recheck the dates' conflicts (ConflictsService.current: the conflict rule and the rooms'
 * calendars); write the occurrences, the audit entry, the request's status and the mails in one
 * statement (writeDecision), the status derived here from the occurrences in memory; and answer the
 * request from memory too, asking for conflicts again only where the decision changed them.
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
        const open = await this.open(m, id, caller, dto.expectedVersion);
        const pending = chosen(open.state.occurrences, dto.occurrenceIds).filter(
          (o) => o.status === 'pending',
        );
        if (dto.occurrenceIds && pending.length !== dto.occurrenceIds.length) {
          throw new DomainError('INVALID_STATE', 'Only pending occurrences can be approved');
        }
        const fresh = await this.conflicts.current(m, pending);
        const targets = dto.occurrenceIds ? pending : pending.filter((o) => !isBlocked(fresh.get(o.id)!));
        const blocked = targets.filter((o) => isBlocked(fresh.get(o.id)!));
        if (targets.length === 0 || blocked.length > 0) {
          throw bookingConflict(
            blocked.length > 0 ? blocked : pending,
            fresh,
            targets.length === 0 ? 'No pending occurrence can be approved' : undefined,
          );
        }
        return this.decide(
          m,
          open,
          { targets, status: 'approved', by: caller.id, note: dto.note ?? null, reason: dto.note },
          fresh,
        );
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
      const open = await this.open(m, id, caller, dto.expectedVersion);
      const pending = chosen(open.state.occurrences, dto.occurrenceIds).filter((o) => o.status === 'pending');
      if (pending.length === 0 || (dto.occurrenceIds && pending.length !== dto.occurrenceIds.length)) {
        throw new DomainError('INVALID_STATE', 'Only pending occurrences can be rejected');
      }
      return this.decide(m, open, {
        targets: pending,
        status: 'rejected',
        by: caller.id,
        note: dto.reason,
        reason: dto.reason,
      });
    });
  }

  /** The organisation takes back what is still pending. */
  async withdraw(id: string, reason: string | undefined, caller: AuthUser): Promise<BookingRequestView> {
    return this.dataSource.transaction(async (m) => {
      const open = await this.open(m, id, caller, undefined);
      const pending = open.state.occurrences.filter((o) => o.status === 'pending');
      if (pending.length === 0) throw new DomainError('INVALID_STATE', 'Nothing is pending to withdraw');
      return this.decide(m, open, { targets: pending, status: 'withdrawn', by: caller.id, reason });
    });
  }

  /** Staff re-price a request's pending and approved occurrences under today's rules, on purpose. */
  async reprice(id: string, dto: RepriceDto, caller: AuthUser): Promise<BookingRequestView> {
    const { reason } = dto;
    return this.dataSource.transaction(async (m) => {
      const { request, state } = await this.open(m, id, caller, dto.expectedVersion);
      const live = state.occurrences.filter((o) => o.status === 'pending' || o.status === 'approved');
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

  /** The request locked, what the decision works from, and the version check (409 STALE_VIEW). */
  private async open(
    m: EntityManager,
    id: string,
    caller: AuthUser,
    expectedVersion: number | undefined,
  ): Promise<Opened> {
    const request = await lockRequest(m, id, caller);
    const state = await readDecision(m, id);
    // checkVersion reads the version again and what changed since: a round trip only when it refuses
    if (expectedVersion !== undefined && expectedVersion !== state.version) {
      await checkVersion(m, id, expectedVersion);
    }
    return { request, state };
  }

  /**
   * Writes the decision on `targets` in one statement, with the request's new status and its mails, and
   * answers the request as a fresh GET would: from what was read, with the decision applied.
   * `fresh` (the recheck's conflicts) serves the dates still pending unless one of them overlaps a date
   * decided now (its `self` conflict): a date approved now is a booking for it, a rejected or withdrawn
   * one no longer competes; then, or without a recheck, their conflicts are asked for after the write.
   */
  private async decide(
    m: EntityManager,
    { request, state }: Opened,
    change: {
      targets: Occurrence[];
      status: 'approved' | 'rejected' | 'withdrawn';
      by: string;
      /** The note each decided date gets; undefined keeps theirs (a withdrawal). */
      note?: string | null;
      reason: string | undefined;
    },
    fresh?: Map<string, Conflict[]>,
  ): Promise<BookingRequestView> {
    const at = new Date();
    const ids = new Set(change.targets.map((o) => o.id));
    const after = state.occurrences.map((o) =>
      ids.has(o.id)
        ? Object.assign(new Occurrence(), o, {
            status: change.status,
            decidedAt: at,
            decidedBy: change.by,
            decisionNote: change.note === undefined ? o.decisionNote : change.note,
          })
        : o,
    );
    const status = requestStatus(after.map((o) => o.status));
    const names = {
      title: request.title,
      organisationName: state.organisationName,
      ...state.notice,
    };
    const messages = [
      ...(change.status === 'approved'
        ? this.notices.seriesApprovedMessages(
            names,
            state.caretakers,
            after.filter((o) => ids.has(o.id)),
          )
        : []),
      ...this.notices.decidedMessages(names, state.contacts, after),
    ];
    await writeDecision(
      m,
      {
        requestId: request.id,
        occurrenceIds: [...ids],
        status: change.status,
        at,
        by: change.by,
        note: change.note,
        event: { action: change.status, actorId: change.by, reason: change.reason },
        requestStatus: status,
      },
      (first) => (messages.length > 0 ? { ...outboxInsert(messages, first), select: OUTBOX_WAKE } : null),
    );
    const stillPending = after.filter((o) => o.status === 'pending');
    const known =
      fresh &&
      stillPending.every(
        (o) =>
          fresh.has(o.id) && !fresh.get(o.id)!.some((c) => c.kind === 'self' && ids.has(c.occurrenceId!)),
      );
    const current = known ? fresh : await this.conflicts.current(m, stillPending);
    return toRequestView(
      Object.assign(new BookingRequest(), request, { status }),
      { organisationName: state.organisationName, version: state.version + 1, room: state.room },
      after,
      true,
      current,
    );
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

interface Opened {
  request: BookingRequest;
  state: DecisionState;
}

/** The occurrences a decision names (404 if one is not the request's), else all of them. */
function chosen(all: Occurrence[], only: string[] | undefined): Occurrence[] {
  if (!only) return all;
  const rows = all.filter((o) => only.includes(o.id));
  if (rows.length !== only.length) throw notFound('Occurrence');
  return rows;
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

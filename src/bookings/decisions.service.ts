import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuthUser } from '../common/auth/roles';
import { DomainError, notFound } from '../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../config/config';
import { inTransaction } from '../database/transaction';
import type { OrganisationKind } from '../core/domain';
import type { OccurrenceFee } from '../core/pricing';
import { FeesService } from '../fees/fees.service';
import { BookingNotices } from './booking-notices';
import { checkRange } from './booking-planner';
import { BookingRequest } from './booking-request.entity';
import { requestViews, toOccurrenceView } from './booking-views';
import { ConflictsService, isBlocked } from './conflicts.service';
import { ApproveDto, MoveDto, RejectDto } from './dto/booking-request.dto';
import { BookingRequestView, OccurrenceView } from './dto/views';
import { Conflict, Occurrence } from './occurrence.entity';
import { recordEvent, refreshStatus, requestFor } from './request-store';

const DAY_MS = 86_400_000;

/** The exclusion constraint said no: someone else got the time first. */
const isExclusionViolation = (error: unknown): boolean =>
  (error as { driverError?: { code?: string } }).driverError?.code === '23P01';

/**
 * Decisions on requests and occurrences: approve (all or none), reject, withdraw, cancel, move,
 * re-price. Each runs in one transaction with the request locked, writes the audit log and re-derives
 * the request's status.
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conflicts: ConflictsService,
    private readonly fees: FeesService,
    private readonly notices: BookingNotices,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
      return await inTransaction(this.dataSource, manager, async (m) => {
        const request = await requestFor(m, id, caller, true);
        const pending = (await this.occurrences(m, id, dto.occurrenceIds)).filter(
          (o) => o.status === 'pending',
        );
        if (dto.occurrenceIds && pending.length !== dto.occurrenceIds.length) {
          throw new DomainError('INVALID_STATE', 'Only pending occurrences can be approved');
        }
        const fresh = await this.recheck(m, request, pending);
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

  /** Frees an approved slot: the organisation for its own, staff for any. Late when close to the start. */
  async cancel(occurrenceId: string, reason: string, caller: AuthUser): Promise<OccurrenceView> {
    return this.dataSource.transaction(async (m) => {
      const { request, occurrence } = await this.occurrenceFor(m, occurrenceId, caller);
      if (occurrence.status !== 'approved')
        throw new DomainError('INVALID_STATE', 'Only approved occurrences can be cancelled');
      const now = new Date();
      if (occurrence.endsAt <= now) throw new DomainError('INVALID_STATE', 'The occurrence is over');
      const late = occurrence.startsAt.getTime() - now.getTime() < this.config.lateCancellationDays * DAY_MS;
      await m.update(Occurrence, occurrence.id, {
        status: 'cancelled',
        decidedAt: now,
        decidedBy: caller.id,
        decisionNote: reason,
        cancelledLate: late,
      });
      await recordEvent(m, {
        requestId: request.id,
        action: 'cancelled',
        actorId: caller.id,
        occurrenceIds: [occurrence.id],
        reason,
        details: { late },
      });
      await refreshStatus(m, request.id);
      await this.notices.cancelled(m, request.id, occurrence, reason, late);
      return toOccurrenceView((await m.findOneBy(Occurrence, { id: occurrence.id }))!);
    });
  }

  /** Staff move an occurrence; it is checked and priced like a new one. An approved one stays approved only if free. */
  async move(occurrenceId: string, dto: MoveDto, caller: AuthUser): Promise<OccurrenceView> {
    checkRange(dto.startsAt, dto.endsAt);
    try {
      return await this.dataSource.transaction(async (m) => {
        const { request, occurrence } = await this.occurrenceFor(m, occurrenceId, caller);
        if (occurrence.status !== 'pending' && occurrence.status !== 'approved') {
          throw new DomainError('INVALID_STATE', 'Only pending or approved occurrences can be moved');
        }
        const roomId = dto.roomId ?? occurrence.roomId;
        const [room] = await m.query<{ capacity: number }[]>('SELECT capacity FROM rooms WHERE id = $1', [
          roomId,
        ]);
        if (!room) throw notFound('Room');
        if (request.expectedParticipants > room.capacity) {
          throw new DomainError('OVER_CAPACITY', `The room holds ${room.capacity} people`, {
            capacity: room.capacity,
          });
        }
        const slot = { startsAt: dto.startsAt, endsAt: dto.endsAt };
        const [conflicts] = await this.conflicts.detect(m, roomId, [slot], {
          requestId: request.id,
          ignoreOccurrenceIds: [occurrence.id],
        });
        if (occurrence.status === 'approved' && isBlocked(conflicts)) {
          throw new DomainError('BOOKING_CONFLICT', 'The new time is not free', { conflicts });
        }
        const [fee] = await this.priceAgain(m, request, [{ ...slot, roomId }], occurrence);
        await m.update(Occurrence, occurrence.id, {
          roomId,
          startsAt: dto.startsAt,
          endsAt: dto.endsAt,
          conflicts,
          ...feeColumns(fee),
        });
        await recordEvent(m, {
          requestId: request.id,
          action: 'moved',
          actorId: caller.id,
          occurrenceIds: [occurrence.id],
          reason: dto.reason,
          details: {
            from: { roomId: occurrence.roomId, startsAt: occurrence.startsAt, endsAt: occurrence.endsAt },
            to: { roomId, startsAt: dto.startsAt, endsAt: dto.endsAt },
          },
        });
        const names = await m.query<{ id: string; name: string }[]>(
          'SELECT id, name FROM rooms WHERE id = ANY($1)',
          [[occurrence.roomId, roomId]],
        );
        const nameOf = (id: string) => names.find((n) => n.id === id)?.name ?? '';
        await this.notices.moved(
          m,
          request.id,
          { startsAt: occurrence.startsAt, roomName: nameOf(occurrence.roomId) },
          { startsAt: dto.startsAt, roomName: nameOf(roomId) },
          dto.reason,
        );
        return toOccurrenceView((await m.findOneBy(Occurrence, { id: occurrence.id }))!);
      });
    } catch (error) {
      if (isExclusionViolation(error)) throw new DomainError('BOOKING_CONFLICT', 'The new time is not free');
      throw error;
    }
  }

  /** Staff re-price a request's pending and approved occurrences under today's rules, on purpose. */
  async reprice(id: string, reason: string, caller: AuthUser): Promise<BookingRequestView> {
    return this.dataSource.transaction(async (m) => {
      const request = await requestFor(m, id, caller, true);
      const all = await this.occurrences(m, id);
      const live = all.filter((o) => o.status === 'pending' || o.status === 'approved');
      if (live.length === 0)
        throw new DomainError('INVALID_STATE', 'Nothing pending or approved to re-price');
      const fees = await this.priceAgain(m, request, live, live[0]);
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

  /** An occurrence and its request, when the caller may act on it (staff, or the organisation's contact). */
  private async occurrenceFor(
    m: EntityManager,
    occurrenceId: string,
    caller: AuthUser,
  ): Promise<{ request: BookingRequest; occurrence: Occurrence }> {
    const found = await m.findOneBy(Occurrence, { id: occurrenceId });
    if (!found) throw notFound('Occurrence');
    const request = await requestFor(m, found.requestId, caller, true);
    const occurrence = (await m.findOneBy(Occurrence, { id: occurrenceId }))!;
    return { request, occurrence };
  }

  /** Conflicts of pending occurrences as they stand now (other requests may have been approved since). */
  private async recheck(
    m: EntityManager,
    request: BookingRequest,
    pending: Occurrence[],
  ): Promise<Map<string, Conflict[]>> {
    const byRoom = new Map<string, Occurrence[]>();
    for (const o of pending) byRoom.set(o.roomId, [...(byRoom.get(o.roomId) ?? []), o]);
    const fresh = new Map<string, Conflict[]>();
    for (const [roomId, list] of byRoom) {
      const found = await this.conflicts.detect(m, roomId, list, {
        requestId: request.id,
        ignoreOccurrenceIds: list.map((o) => o.id),
      });
      list.forEach((o, i) => fresh.set(o.id, found[i]));
    }
    return fresh;
  }

  /** Prices slots of an existing request; the series fee goes on them only if `first` opens the series. */
  private async priceAgain(
    m: EntityManager,
    request: BookingRequest,
    slots: { roomId: string; startsAt: Date; endsAt: Date }[],
    first: Occurrence,
  ): Promise<OccurrenceFee[]> {
    const [org] = await m.query<
      { kind: OrganisationKind; in_frivillighetsregisteret: boolean; municipality_number: string | null }[]
    >('SELECT kind, in_frivillighetsregisteret, municipality_number FROM organisations WHERE id = $1', [
      request.organisationId,
    ]);
    const [opening] = await m.query<{ id: string }[]>(
      'SELECT id FROM booking_occurrences WHERE request_id = $1 ORDER BY starts_at, id LIMIT 1',
      [request.id],
    );
    return this.fees.priceRequest(
      {
        organisation: {
          kind: org.kind,
          inFrivillighetsregisteret: org.in_frivillighetsregisteret,
          municipalityNumber: org.municipality_number,
        },
        ageGroup: request.ageGroup,
        chargesEntranceFee: request.chargesEntranceFee,
        repeating: request.rrule !== null,
        seriesStartsHere: opening?.id === first.id,
        occurrences: slots,
      },
      m,
    );
  }

  /** Re-derives the status, tells the organisation once its request is decided, answers the request. */
  private async finish(m: EntityManager, request: BookingRequest): Promise<BookingRequestView> {
    await refreshStatus(m, request.id);
    await this.notices.decidedIfDone(m, request.id);
    const [view] = await requestViews(m, [(await m.findOneBy(BookingRequest, { id: request.id }))!], true);
    return view;
  }
}

const feeColumns = (fee: OccurrenceFee): Partial<Occurrence> => ({
  listOre: fee.listOre,
  waivedOre: fee.waivedOre,
  chargedOre: fee.chargedOre,
  ruleId: fee.ruleId,
  ruleVersion: fee.ruleVersion,
  fee,
});

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

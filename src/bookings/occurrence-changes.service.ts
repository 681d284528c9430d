import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/roles';
import { DomainError, isExclusionViolation, notFound } from '../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../config/config';
import { BookingNotices } from './booking-notices';
import { checkHorizon, checkRange } from './booking-planner';
import { BookingRequest } from '../booking-records/booking-request.entity';
import { toOccurrenceView } from './booking-views';
import { ConflictsService, isBlocked } from './conflicts.service';
import { MoveDto } from './dto/booking-request.dto';
import { OccurrenceView } from './dto/views';
import { Occurrence } from '../booking-records/occurrence.entity';
import { feeColumns, Repricer } from './repricer';
import { recordEvent, refreshStatus, requestFor } from '../booking-records/request-queries';
import { checkVersion } from '../booking-records/version-queries';

const DAY_MS = 86_400_000;

/** Changes to one occurrence: cancel it (the organisation or staff), move it (staff). */
@Injectable()
export class OccurrenceChangesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conflicts: ConflictsService,
    private readonly repricer: Repricer,
    private readonly notices: BookingNotices,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
    checkHorizon([dto.startsAt], this.config.bookingHorizonMonths);
    try {
      return await this.dataSource.transaction(async (m) => {
        const { request, occurrence } = await this.occurrenceFor(m, occurrenceId, caller);
        await checkVersion(m, request.id, dto.expectedVersion);
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
        const [fee] = await this.repricer.price(m, request, [{ ...slot, roomId }], occurrence);
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
}

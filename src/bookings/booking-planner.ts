import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/roles';
import { DomainError, notFound } from '../common/errors/domain-error';
import { formatInstant, osloPlusMonths } from '../common/time';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { OrganisationKind } from '../core/domain';
import type { OccurrenceFee } from '../core/pricing';
import { expandOccurrences } from '../core/recurrence/expand';
import { preparedQuery } from '../database/transaction';
import { FeesService } from '../fees/fees.service';
import {
  currentRulesSql,
  ROOM_FACTS_SQL,
  RoomFactsRow,
  RuleRow,
  toExemptionRule,
  toRoomFacts,
} from '../fees/pricing-queries';
import { CalendarRow, calendarsSql, toCalendars } from '../venues/room-calendar.service';
import type { Recipient } from '../notifications/outbox.service';
import { contactsJson } from '../notifications/recipient-queries';
import { allowContact, contactOf } from '../organisations/contact-access';
import {
  ConflictRow,
  conflictsOfNewSlots,
  NEW_SLOT_CONFLICTS_SQL,
  newSlotConflictParams,
  Slot,
  spanOf,
} from './conflicts.service';
import { CreateBookingRequestDto } from './dto/booking-request.dto';
import { Conflict } from '../booking-records/occurrence.entity';

export const MAX_DURATION_MS = 24 * 3_600_000;

export interface PlannedOccurrence extends Slot {
  roomId: string;
  conflicts: Conflict[];
  fee: OccurrenceFee;
}

export interface Plan {
  organisation: { id: string; name: string };
  room: { name: string; building_id: string; building_name: string };
  /** The organisation's contacts, whom a new request's mail goes to (read with the plan: one query less). */
  contacts: Recipient[];
  occurrences: PlannedOccurrence[];
}

interface PlanRow {
  id: string;
  name: string;
  kind: OrganisationKind;
  status: 'pending' | 'verified';
  in_frivillighetsregisteret: boolean;
  municipality_number: string | null;
  member: boolean;
  room_id: string | null;
  capacity: number | null;
  room_name: string;
  building_id: string;
  building_name: string;
  contacts: Recipient[] | null;
  conflicts: ConflictRow[] | null;
  calendar: CalendarRow | null;
  room_facts: RoomFactsRow[] | null;
  rules: RuleRow[] | null;
}

/** The checks every new or moved occurrence passes: a sane range, not longer than a day, not past. */
export function checkRange(startsAt: Date, endsAt: Date, now: Date = new Date()): void {
  if (endsAt <= startsAt) throw new DomainError('INVALID_TIME_RANGE', 'endsAt must be after startsAt');
  if (endsAt.getTime() - startsAt.getTime() > MAX_DURATION_MS) {
    throw new DomainError('TOO_LONG', 'An occurrence may last at most 24 hours');
  }
  if (startsAt <= now) throw new DomainError('IN_THE_PAST', 'startsAt is in the past');
}

/**
 * No occurrence, of a series either, may start further ahead than the booking horizon: the municipality
 * plans that far, and a date years away is a typing mistake far more often than a plan.
 */
export function checkHorizon(starts: Date[], horizonMonths: number, now: Date = new Date()): void {
  const horizon = osloPlusMonths(now, horizonMonths);
  const beyond = starts.filter((s) => s > horizon);
  if (beyond.length === 0) return;
  throw new DomainError(
    'BEYOND_BOOKING_HORIZON',
    `Bookings can be made at most ${horizonMonths} months ahead, until ${formatInstant(horizon)}`,
    { horizon, horizonMonths, firstBeyond: beyond[0], occurrencesBeyond: beyond.length },
  );
}

/**
 * Turns a booking-request body into the occurrences it asks for, checked, with their conflicts and
 * fees, without writing anything: POST /booking-requests stores the plan, POST /fees/quote shows it.
 */
@Injectable()
export class BookingPlanner {
  constructor(
    private readonly fees: FeesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * `forBooking` false is a quote: an organisation sees fees before staff verify it; only booking
   * needs verification.
   */
  async plan(
    dto: CreateBookingRequestDto,
    caller: AuthUser,
    m: EntityManager,
    { forBooking }: { forBooking: boolean },
  ): Promise<Plan> {
    checkRange(dto.startsAt, dto.endsAt);
    const times = expandOccurrences(dto.startsAt, dto.endsAt, dto.recurrence);
    if (!Array.isArray(times)) throw new DomainError(times.code, times.message);
    checkHorizon(
      times.map((t) => t.startsAt),
      this.config.bookingHorizonMonths,
    );

    // Everything the plan reads, in one statement (one round trip, one prepared plan per connection):
    // the organisation, the caller's right to act for it, the room with its building, (to book) the
    // contacts the request's mail goes to, the conflicts and the room's calendar over the dates, the
    // room's price facts and today's rules. The subqueries read nothing when there is no organisation.
    // (Every date may be excluded: then no slots, and the calendar is the request's own span's.)
    const { from, to } = times.length > 0 ? spanOf(times) : { from: dto.startsAt, to: dto.endsAt };
    const [ctx] = await preparedQuery<PlanRow>(
      m,
      'frirom_booking_plan',
      `SELECT o.id, o.name, o.kind, o.status, o.in_frivillighetsregisteret, o.municipality_number,
              ${contactOf('o.id', '$8')} AS member,
              r.id AS room_id, r.capacity, r.name AS room_name, b.id AS building_id, b.name AS building_name,
              CASE WHEN $9 THEN ${contactsJson('o.id')} END AS contacts,
              (SELECT json_agg(c ORDER BY c.key, c.kind, c.occurrence_id) FROM (${NEW_SLOT_CONFLICTS_SQL}) c) AS conflicts,
              (SELECT row_to_json(k) FROM (${calendarsSql('ARRAY[$4::uuid]', '$10', '$11')}) k) AS calendar,
              (SELECT json_agg(f) FROM (${ROOM_FACTS_SQL} WHERE r.id = $4) f) AS room_facts,
              (SELECT json_agg(x) FROM (${currentRulesSql()}) x) AS rules
         FROM organisations o LEFT JOIN rooms r ON r.id = $4 LEFT JOIN buildings b ON b.id = r.building_id
        WHERE o.id = $7`,
      [...newSlotConflictParams(dto.roomId, times), dto.organisationId, caller.id, forBooking, from, to],
    );
    if (!ctx) throw notFound('Organisation');
    allowContact(ctx.member, caller, 'Organisation');
    if (!ctx.room_id) throw notFound('Room');
    if (forBooking && ctx.status !== 'verified') {
      throw new DomainError(
        'ORGANISATION_NOT_VERIFIED',
        'The organisation must be verified by staff before it books',
      );
    }
    if (dto.expectedParticipants > ctx.capacity!) {
      throw new DomainError('OVER_CAPACITY', `The room holds ${ctx.capacity} people`, {
        capacity: ctx.capacity,
      });
    }

    const conflicts = conflictsOfNewSlots(
      times,
      ctx.conflicts ?? [],
      toCalendars([ctx.calendar!]).get(dto.roomId)!,
    );
    const fees = this.fees.priceWith(
      {
        organisation: {
          kind: ctx.kind,
          inFrivillighetsregisteret: ctx.in_frivillighetsregisteret,
          municipalityNumber: ctx.municipality_number,
        },
        ageGroup: dto.ageGroup,
        chargesEntranceFee: dto.chargesEntranceFee ?? false,
        repeating: Boolean(dto.recurrence),
        occurrences: times.map((t) => ({ roomId: dto.roomId, startsAt: t.startsAt, endsAt: t.endsAt })),
      },
      toRoomFacts(ctx.room_facts ?? []),
      (ctx.rules ?? []).map(toExemptionRule),
    );
    return {
      organisation: { id: ctx.id, name: ctx.name },
      room: { name: ctx.room_name, building_id: ctx.building_id, building_name: ctx.building_name },
      contacts: ctx.contacts ?? [],
      occurrences: times.map((t, i) => ({ ...t, roomId: dto.roomId, conflicts: conflicts[i], fee: fees[i] })),
    };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { humanWhen, kroner, reasonOf } from '../notifications/human';
import { NewMessage, Outbox, Recipient } from '../notifications/outbox.service';
import { Occurrence } from '../booking-records/occurrence.entity';
import { NOTICE_ROOM_JOINS } from '../booking-records/decision-queries';

/** The approval mail lists this many approved dates, then says how many more. */
export const LISTED_DATES = 10;

interface Context {
  title: string;
  organisation_id: string;
  organisation_name: string;
  room_name: string;
  building_id: string;
  building_name: string;
}

/** The names every booking mail carries. */
export interface NoticeNames {
  title: string;
  organisationName: string;
  roomName: string;
  buildingName: string;
}

/** Whether a request's dates, as they now stand, make a request_decided mail: none pending, not all withdrawn. */
const tellsDecided = (occurrences: Pick<Occurrence, 'status'>[]): boolean =>
  !occurrences.some((o) => o.status === 'pending') &&
  occurrences.some((o) => o.status === 'approved' || o.status === 'cancelled' || o.status === 'rejected');

/**
 * The mails a booking change causes, written to the outbox in the change's own transaction: to the
 * organisation's contacts when a request is received, decided, cancelled or moved, and to the
 * building's caretakers when a new series is approved.
 */
@Injectable()
export class BookingNotices {
  constructor(
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The request_received mails to the organisation's contacts, built from what the request's plan read
   * (names and contacts), so the request and its mails are written in one statement.
   */
  receivedMessages(
    names: NoticeNames,
    contacts: Recipient[],
    occurrences: Pick<Occurrence, 'startsAt' | 'listOre' | 'waivedOre' | 'chargedOre'>[],
  ): NewMessage[] {
    const sum = (k: 'listOre' | 'waivedOre' | 'chargedOre') => occurrences.reduce((a, o) => a + o[k], 0);
    return contacts.map((to) => ({
      kind: 'request_received' as const,
      to,
      data: {
        ...names,
        firstStartsAt: humanWhen(occurrences[0].startsAt, to.locale),
        occurrenceCount: occurrences.length,
        listKr: kroner(sum('listOre'), to.locale),
        waivedKr: kroner(sum('waivedOre'), to.locale),
        chargedKr: kroner(sum('chargedOre'), to.locale),
      },
    }));
  }

  /** Once nothing is pending any more: approved, partially approved (with the dates not granted) or rejected. */
  async decidedIfDone(m: EntityManager, requestId: string): Promise<void> {
    const occurrences = await m.find(Occurrence, { where: { requestId }, order: { startsAt: 'ASC' } });
    if (!tellsDecided(occurrences)) return;
    const ctx = await this.context(m, requestId);
    const contacts = await this.outbox.organisationContacts(m, ctx.organisation_id);
    await this.outbox.add(m, this.decidedMessages(this.names(ctx), contacts, occurrences));
  }

  /**
   * The request_decided mails to the organisation's contacts, from the request's occurrences as they
   * now stand (in date order); none while some date is pending, or when all were withdrawn.
   */
  decidedMessages(
    names: NoticeNames,
    contacts: Recipient[],
    occurrences: Pick<Occurrence, 'status' | 'startsAt' | 'decisionNote' | 'conflicts'>[],
  ): NewMessage[] {
    if (!tellsDecided(occurrences)) return [];
    const approved = occurrences.filter((o) => o.status === 'approved' || o.status === 'cancelled');
    const rejected = occurrences.filter((o) => o.status === 'rejected');
    const outcome =
      rejected.length === 0 ? 'approved' : approved.length === 0 ? 'rejected' : 'partially_approved';
    // staff's notes on the approval (one per batch approved with a note), said once each
    const notes = [...new Set(approved.map((o) => o.decisionNote).filter((n): n is string => Boolean(n)))];
    return contacts.map((to) => ({
      kind: 'request_decided' as const,
      to,
      data: {
        ...names,
        outcome,
        approvedCount: approved.length,
        approvedDates: approved.slice(0, LISTED_DATES).map((o) => humanWhen(o.startsAt, to.locale)),
        moreApproved: Math.max(0, approved.length - LISTED_DATES),
        notes,
        notGranted:
          outcome === 'partially_approved'
            ? rejected.map((o) => ({
                when: humanWhen(o.startsAt, to.locale),
                reason: reasonOf(
                  o.conflicts.map((c) => c.kind),
                  o.decisionNote,
                  to.locale,
                ),
              }))
            : [],
        reason: outcome === 'rejected' ? rejected[0].decisionNote : null,
      },
    }));
  }

  /** A new approved series (more than one date, in date order) tells the building's caretakers. */
  seriesApprovedMessages(
    names: NoticeNames,
    caretakers: Recipient[],
    approved: Pick<Occurrence, 'startsAt'>[],
  ): NewMessage[] {
    if (approved.length < 2) return [];
    return caretakers.map((to) => ({
      kind: 'series_approved_caretaker' as const,
      to,
      data: {
        ...names,
        count: approved.length,
        firstWhen: humanWhen(approved[0].startsAt, to.locale),
        lastWhen: humanWhen(approved[approved.length - 1].startsAt, to.locale),
      },
    }));
  }

  async cancelled(
    m: EntityManager,
    requestId: string,
    o: Occurrence,
    reason: string,
    late: boolean,
  ): Promise<void> {
    const ctx = await this.context(m, requestId);
    await this.toContacts(m, ctx, 'occurrence_cancelled', (locale) => ({
      when: humanWhen(o.startsAt, locale),
      reason,
      late,
      lateDays: this.config.lateCancellationDays,
    }));
  }

  async moved(
    m: EntityManager,
    requestId: string,
    from: { startsAt: Date; roomName: string },
    to: { startsAt: Date; roomName: string },
    reason: string | undefined,
  ): Promise<void> {
    const ctx = await this.context(m, requestId);
    await this.toContacts(m, ctx, 'occurrence_moved', (locale) => ({
      fromWhen: humanWhen(from.startsAt, locale),
      fromRoom: from.roomName,
      toWhen: humanWhen(to.startsAt, locale),
      toRoom: to.roomName,
      reason: reason ?? null,
    }));
  }

  private async toContacts(
    m: EntityManager,
    ctx: Context,
    kind: NewMessage['kind'],
    data: (locale: Recipient['locale']) => object,
  ): Promise<void> {
    const contacts = await this.outbox.organisationContacts(m, ctx.organisation_id);
    await this.outbox.add(
      m,
      contacts.map((to) => ({ kind, to, data: { ...this.names(ctx), ...data(to.locale) } })),
    );
  }

  private names(ctx: Context): NoticeNames {
    return {
      title: ctx.title,
      organisationName: ctx.organisation_name,
      roomName: ctx.room_name,
      buildingName: ctx.building_name,
    };
  }

  private async context(m: EntityManager, requestId: string): Promise<Context> {
    const [ctx] = await m.query<Context[]>(
      `SELECT q.title, q.organisation_id, org.name AS organisation_name,
              COALESCE(nr.name, '') AS room_name, nb.id AS building_id, COALESCE(nb.name, '') AS building_name
         FROM booking_requests q
         JOIN organisations org ON org.id = q.organisation_id
         ${NOTICE_ROOM_JOINS}
        WHERE q.id = $1`,
      [requestId],
    );
    return ctx;
  }
}

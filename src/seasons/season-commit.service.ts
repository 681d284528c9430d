import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  Decision,
  insertOccurrences,
  recordEvent,
  refreshStatus,
  setRequestStatus,
} from '../booking-records/request-queries';
import { AuthUser } from '../common/auth/roles';
import { DomainError, isExclusionViolation, notFound } from '../common/errors/domain-error';
import { formatInstant } from '../common/time';
import { APPLICATION_WAITING, nextApplicationStatus } from '../core/bookings/application-status';
import type { AgeGroup, OrganisationKind } from '../core/domain';
import type { RoomCalendar } from '../core/venues/availability';
import { FeesService } from '../fees/fees.service';
import { Outbox } from '../notifications/outbox.service';
import { AllocationInputBuilder } from './allocation-input';
import { isStale } from './allocation-view';
import type { ProposedApplication, StoredProposal } from './proposal';
import { bookedTime } from './booked-time';
import type { CommitDto, CommitView } from './dto/allocation.dto';
import type { Pin } from './pin';
import { SeasonAllocation } from './season-allocation.entity';
import { DatedSlot, planDates, SkippedDate } from './season-dates';
import { explainApplication } from './season-explain';
import { CommittedApplication, seasonResultMessages } from './season-messages';
import { seasonStatus } from '../core/seasons/season-status';
import { Season } from './season.entity';

interface RequestRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  kind: OrganisationKind;
  in_frivillighetsregisteret: boolean;
  municipality_number: string | null;
  age_group: AgeGroup;
  charges_entrance_fee: boolean;
}

interface PlannedSession {
  requestId: string;
  preferenceIndex: number;
  roomId: string;
  dates: DatedSlot[];
  skipped: SkippedDate[];
}

/** The dates one granted alternative gives over the season, the venue's closed days left out. */
function plannedSessions(
  season: Season,
  app: ProposedApplication,
  calendars: Map<string, RoomCalendar>,
): PlannedSession[] {
  return app.granted.map((k) => {
    const pref = app.preferences[k];
    const calendar = calendars.get(pref.roomId);
    if (!calendar) {
      throw new DomainError('INVALID_STATE', 'A granted room has left the season: run the allocation again');
    }
    return {
      requestId: app.requestId,
      preferenceIndex: k,
      roomId: pref.roomId,
      ...planDates(season, pref, calendar),
    };
  });
}

/**
 * Turns the proposal into approved occurrences for every date of the season, in one transaction: dates
 * the venue rules close are skipped and recorded; each application's occurrences are priced by the
 * exemption rules; applications left out are rejected with their explanation; every organisation's
 * contacts get a season_result message. A second commit answers the first one's result.
 */
@Injectable()
export class SeasonCommitService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly builder: AllocationInputBuilder,
    private readonly fees: FeesService,
    private readonly outbox: Outbox,
  ) {}

  async commit(seasonId: string, dto: CommitDto, caller: AuthUser): Promise<CommitView> {
    try {
      return await this.dataSource.transaction((m) => this.commitIn(m, seasonId, dto, caller));
    } catch (error) {
      if (isExclusionViolation(error)) {
        throw new DomainError(
          'BOOKING_CONFLICT',
          'Another booking took some of this time; nothing was committed',
        );
      }
      throw error;
    }
  }

  private async commitIn(
    m: EntityManager,
    seasonId: string,
    dto: CommitDto,
    caller: AuthUser,
  ): Promise<CommitView> {
    const season = await m.findOne(Season, { where: { id: seasonId }, lock: { mode: 'pessimistic_write' } });
    if (!season) throw notFound('Season');
    if (season.committedAt) return season.commitResult as CommitView;
    const { proposal, pins } = await this.committable(m, season);
    const round = await this.builder.build(m, season, pins);
    const requests = await m.query<RequestRow[]>(
      `SELECT q.id, q.organisation_id, o.name AS organisation_name, o.kind, o.in_frivillighetsregisteret,
              o.municipality_number, q.age_group, q.charges_entrance_fee
         FROM booking_requests q JOIN organisations o ON o.id = q.organisation_id
        WHERE q.season_id = $1 AND q.preferences IS NOT NULL AND q.status = $2
        ORDER BY q.id FOR UPDATE OF q`,
      [seasonId, APPLICATION_WAITING],
    );
    const live = new Map(requests.map((r) => [r.id, r]));
    const apps = proposal.applications.filter((a) => live.has(a.requestId));
    const sessions = apps.flatMap((app) => plannedSessions(season, app, round.calendars));
    await this.setAsideBooked(m, seasonId, sessions, dto.skipBookedDates === true);

    const now = new Date();
    const view: CommitView = {
      seasonId,
      committedAt: formatInstant(now),
      requestsApproved: 0,
      requestsRejected: 0,
      occurrencesCreated: 0,
      datesSkipped: 0,
      messages: 0,
      requests: [],
    };
    const committed: CommittedApplication[] = [];
    for (const app of apps) {
      const mine = sessions.filter((s) => s.requestId === app.requestId);
      const done = await this.commitApplication(m, {
        season,
        proposal,
        app,
        request: live.get(app.requestId)!,
        sessions: mine,
        decision: { at: now, by: caller.id, note: `Tildelt i ${season.name}` },
      });
      if (done.status === 'approved') view.requestsApproved += 1;
      else view.requestsRejected += 1;
      view.occurrencesCreated += done.occurrences;
      view.datesSkipped += done.skippedDates.length;
      view.requests.push({ requestId: app.requestId, ...done });
      committed.push({
        app,
        chargedOre: done.chargedOre,
        sessions: mine.map((s) => ({
          preferenceIndex: s.preferenceIndex,
          occurrences: s.dates.length,
          firstDate: s.dates[0]?.date ?? null,
          lastDate: s.dates[s.dates.length - 1]?.date ?? null,
          skipped: s.skipped,
        })),
      });
    }
    view.messages = await this.notify(m, season, proposal, committed, requests);
    await m.query(
      `UPDATE seasons SET committed_at = $2, committed_by = $3, commit_result = $4 WHERE id = $1`,
      [seasonId, now, caller.id, JSON.stringify(view)],
    );
    return view;
  }

  /** The proposal to commit: the season closed, the allocation finished and not stale. */
  private async committable(
    m: EntityManager,
    season: Season,
  ): Promise<{ proposal: StoredProposal; pins: Pin[] }> {
    if (seasonStatus(season) !== 'closed') {
      throw new DomainError(
        'INVALID_STATE',
        'The allocation can be committed once the application deadline has passed',
      );
    }
    const row = await m.findOneBy(SeasonAllocation, { seasonId: season.id });
    const proposal = row?.state === 'done' ? row.proposal : null;
    if (!row || !proposal) throw new DomainError('INVALID_STATE', 'There is no finished proposal to commit');
    if (isStale(proposal, season.changedAt)) {
      throw new DomainError('INVALID_STATE', 'The proposal is stale: run the allocation again first');
    }
    return { proposal, pins: row.pins };
  }

  /**
   * One application's part of the commit: its dates priced and written approved, or, with no date, the
   * application rejected; either way with its history entry and the explanation.
   */
  private async commitApplication(
    m: EntityManager,
    c: {
      season: Season;
      proposal: StoredProposal;
      app: ProposedApplication;
      request: RequestRow;
      sessions: PlannedSession[];
      decision: Decision;
    },
  ): Promise<{
    status: 'approved' | 'rejected';
    occurrences: number;
    skippedDates: SkippedDate[];
    chargedOre: number;
  }> {
    const { app, request, sessions, decision } = c;
    const slots = sessions.flatMap((s) =>
      s.dates.map((d) => ({ roomId: s.roomId, startsAt: d.startsAt, endsAt: d.endsAt })),
    );
    slots.sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime());
    const skipped = sessions.flatMap((s) => s.skipped);
    const explanation = explainApplication(app, c.proposal, 'en');
    const status = nextApplicationStatus(APPLICATION_WAITING, { kind: 'commit', dates: slots.length });
    const fees = await this.fees.priceRequest(
      {
        organisation: {
          kind: request.kind,
          inFrivillighetsregisteret: request.in_frivillighetsregisteret,
          municipalityNumber: request.municipality_number,
        },
        ageGroup: request.age_group,
        chargesEntranceFee: request.charges_entrance_fee,
        repeating: true,
        occurrences: slots,
      },
      m,
    );
    if (status === 'approved') {
      const occurrences = slots.map((slot, i) => ({
        id: randomUUID(),
        ...slot,
        conflicts: [],
        fee: fees[i],
      }));
      await insertOccurrences(m, app.requestId, occurrences, { decision });
      await recordEvent(m, {
        requestId: app.requestId,
        action: 'approved',
        actorId: decision.by,
        occurrenceIds: occurrences.map((o) => o.id),
        reason: explanation,
        details: {
          seasonId: c.season.id,
          sessions: sessions.map((s) => ({
            preferenceIndex: s.preferenceIndex,
            occurrences: s.dates.length,
          })),
          skippedDates: skipped,
        },
      });
      // From here on its status is derived from its occurrences, as any request's.
      await refreshStatus(m, app.requestId);
    } else {
      await setRequestStatus(m, app.requestId, 'rejected');
      await recordEvent(m, {
        requestId: app.requestId,
        action: 'rejected',
        actorId: decision.by,
        reason: app.granted.length > 0 ? `${explanation} Every date was skipped.` : explanation,
        details: { seasonId: c.season.id, skippedDates: skipped },
      });
    }
    return {
      status: status === 'approved' ? 'approved' : 'rejected',
      occurrences: slots.length,
      skippedDates: skipped,
      chargedOre: fees.reduce((sum, f) => sum + f.chargedOre, 0),
    };
  }

  /**
   * Dates an approved booking outside the season already holds: with skipBooked they are skipped and
   * recorded, otherwise the commit is refused (409) naming them, so staff decide.
   */
  private async setAsideBooked(
    m: EntityManager,
    seasonId: string,
    sessions: PlannedSession[],
    skipBooked: boolean,
  ): Promise<void> {
    const all = sessions.flatMap((s) => s.dates.map((d) => ({ session: s, roomId: s.roomId, ...d })));
    const booked = await bookedTime(m, seasonId, all);
    if (booked.size === 0) return;
    if (!skipBooked) {
      const clashes = [...booked].slice(0, 50).map(([i, inTheWay]) => ({
        requestId: all[i].session.requestId,
        roomId: all[i].roomId,
        date: all[i].date,
        inTheWay,
      }));
      throw new DomainError(
        'BOOKING_CONFLICT',
        `${booked.size} dates are held by approved bookings outside the season; resolve them or commit with skipBookedDates`,
        clashes,
      );
    }
    let i = 0; // `all` lists the sessions' dates in this same order
    for (const s of sessions) {
      const kept: DatedSlot[] = [];
      for (const d of s.dates) {
        if (booked.has(i++)) s.skipped.push({ date: d.date, reason: 'booked' });
        else kept.push(d);
      }
      s.dates = kept;
      s.skipped.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    }
  }

  /** One season_result message per contact of each organisation that applied. */
  private async notify(
    m: EntityManager,
    season: Season,
    proposal: StoredProposal,
    committed: CommittedApplication[],
    requests: RequestRow[],
  ): Promise<number> {
    const byOrg = new Map<string, CommittedApplication[]>();
    for (const c of committed)
      byOrg.set(c.app.organisationId, [...(byOrg.get(c.app.organisationId) ?? []), c]);
    let count = 0;
    for (const [orgId, apps] of byOrg) {
      const name = requests.find((r) => r.organisation_id === orgId)?.organisation_name ?? '';
      const contacts = await this.outbox.organisationContacts(m, orgId);
      const messages = seasonResultMessages(season, proposal, name, apps, contacts);
      await this.outbox.add(m, messages);
      count += messages.length;
    }
    return count;
  }
}

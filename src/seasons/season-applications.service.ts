import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { BookingRequest } from '../booking-records/booking-request.entity';
import { toRequestView } from '../bookings/booking-views';
import { versionsOf } from '../booking-records/version-queries';
import { insertRequest, recordEvent, requestFor, setRequestStatus } from '../booking-records/request-queries';
import { allowContact, contactOf } from '../organisations/contact-access';
import { AuthUser, isStaff } from '../common/auth/roles';
import { APPLICATION_WAITING, isWaiting, nextApplicationStatus } from '../core/bookings/application-status';
import { inTransaction } from '../database/transaction';
import { DomainError, notFound } from '../common/errors/domain-error';
import { Page } from '../common/http/pagination';
import { formatInstant } from '../common/time';
import type {
  ApplicationQuery,
  SeasonApplicationInput,
  SeasonApplicationView,
  UpdateApplicationDto,
} from './dto/application.dto';
import { checkPreferences, plain } from './application-checks';
import { seasonStatus } from '../core/seasons/season-status';
import { Season } from './season.entity';

interface OrganisationRow {
  name: string;
  status: 'pending' | 'verified';
  member: boolean;
}

/**
 * Season applications: booking requests with a season and ordered alternatives instead of a time. They
 * are taken and may be changed while the round is open, and get occurrences only when committed.
 */
@Injectable()
export class SeasonApplicationsService {
  constructor(private readonly dataSource: DataSource) {}

  async apply(
    dto: SeasonApplicationInput,
    caller: AuthUser,
    manager?: EntityManager,
  ): Promise<SeasonApplicationView> {
    return inTransaction(this.dataSource, manager, async (m) => {
      const season = await this.openSeason(m, dto.seasonId);
      const [org] = await m.query<OrganisationRow[]>(
        `SELECT o.name, o.status, ${contactOf('o.id', '$2')} AS member FROM organisations o WHERE o.id = $1`,
        [dto.organisationId, caller.id],
      );
      if (!org) throw notFound('Organisation');
      allowContact(org.member, caller, 'Organisation');
      if (org.status !== 'verified') {
        throw new DomainError(
          'ORGANISATION_NOT_VERIFIED',
          'The organisation must be verified by staff before it applies',
        );
      }
      const sessionsPerWeek = dto.sessionsPerWeek ?? 1;
      await checkPreferences(m, season.id, dto.preferences, sessionsPerWeek, dto.expectedParticipants);
      const id = randomUUID();
      await insertRequest(m, {
        id,
        organisationId: dto.organisationId,
        roomId: null,
        title: dto.title,
        purpose: dto.purpose ?? null,
        ageGroup: dto.ageGroup,
        expectedParticipants: dto.expectedParticipants,
        chargesEntranceFee: dto.chargesEntranceFee ?? false,
        startsAt: null,
        endsAt: null,
        rrule: null,
        exdates: [],
        seasonId: season.id,
        preferences: plain(dto.preferences),
        sessionsPerWeek,
        status: APPLICATION_WAITING,
        createdBy: caller.id,
        createdAt: new Date(),
      });
      await recordEvent(m, {
        requestId: id,
        action: 'created',
        actorId: caller.id,
        details: { seasonId: season.id, alternatives: dto.preferences.length, sessionsPerWeek },
      });
      await touch(m, season.id);
      return this.view(m, id, org.name, true);
    });
  }

  /** Changes an application while the round is open; its pins go, as its alternatives may have changed. */
  async update(
    seasonId: string,
    requestId: string,
    dto: UpdateApplicationDto,
    caller: AuthUser,
  ): Promise<SeasonApplicationView> {
    return this.dataSource.transaction(async (m) => {
      // The season first, as every use case of the round locks it first.
      await this.openSeason(m, seasonId);
      const request = await this.application(m, seasonId, requestId, caller);
      const preferences = dto.preferences ? plain(dto.preferences) : request.preferences!;
      const sessionsPerWeek = dto.sessionsPerWeek ?? request.sessionsPerWeek!;
      const participants = dto.expectedParticipants ?? request.expectedParticipants;
      await checkPreferences(m, seasonId, preferences, sessionsPerWeek, participants);
      await m.query(
        `UPDATE booking_requests SET title = $2, purpose = $3, age_group = $4, expected_participants = $5,
                                     charges_entrance_fee = $6, preferences = $7, sessions_per_week = $8
          WHERE id = $1`,
        [
          requestId,
          dto.title ?? request.title,
          dto.purpose === undefined ? request.purpose : dto.purpose,
          dto.ageGroup ?? request.ageGroup,
          participants,
          dto.chargesEntranceFee ?? request.chargesEntranceFee,
          JSON.stringify(preferences),
          sessionsPerWeek,
        ],
      );
      await recordEvent(m, { requestId, action: 'edited', actorId: caller.id, details: { seasonId } });
      await dropPins(m, seasonId, requestId);
      await touch(m, seasonId);
      return this.view(m, requestId, await orgName(m, request.organisationId), false);
    });
  }

  /** Withdraws an application: the applicant until the deadline, staff until the allocation is committed. */
  async withdraw(
    seasonId: string,
    requestId: string,
    reason: string | undefined,
    caller: AuthUser,
  ): Promise<SeasonApplicationView> {
    return this.dataSource.transaction(async (m) => {
      const season = await lockSeason(m, seasonId);
      const request = await this.application(m, seasonId, requestId, caller);
      const status = seasonStatus(season);
      if (!(status === 'open' || (status === 'closed' && isStaff(caller)))) throw closedError(season);
      await setRequestStatus(m, requestId, nextApplicationStatus(request.status, { kind: 'withdraw' })!);
      await recordEvent(m, { requestId, action: 'withdrawn', actorId: caller.id, reason: reason ?? null });
      await dropPins(m, seasonId, requestId);
      await touch(m, seasonId);
      return this.view(m, requestId, await orgName(m, request.organisationId), false);
    });
  }

  /** A season's applications: staff see all, applicants their organisations'. */
  async list(seasonId: string, q: ApplicationQuery, caller: AuthUser): Promise<Page<SeasonApplicationView>> {
    const m = this.dataSource.manager;
    if (!(await m.existsBy(Season, { id: seasonId }))) throw notFound('Season');
    const qb = m
      .getRepository(BookingRequest)
      .createQueryBuilder('r')
      .where('r.seasonId = :seasonId AND r.preferences IS NOT NULL', { seasonId })
      .orderBy('r.createdAt', 'ASC')
      .addOrderBy('r.id')
      .take(q.limit)
      .skip(q.offset);
    if (!isStaff(caller)) {
      qb.andWhere(contactOf('r.organisation_id', ':me'), { me: caller.id });
    }
    if (q.organisationId) qb.andWhere('r.organisationId = :org', { org: q.organisationId });
    const [requests, total] = await qb.getManyAndCount();
    const names = await m.query<{ id: string; name: string }[]>(
      'SELECT id, name FROM organisations WHERE id = ANY($1)',
      [[...new Set(requests.map((r) => r.organisationId))]],
    );
    const byId = new Map(names.map((n) => [n.id, n.name]));
    const versions = await versionsOf(
      m,
      requests.map((r) => r.id),
    );
    const items = requests.map((r) =>
      applicationView(r, byId.get(r.organisationId) ?? '', versions.get(r.id) ?? 0, false),
    );
    return { items, total };
  }

  private async openSeason(m: EntityManager, seasonId: string): Promise<Season> {
    const season = await lockSeason(m, seasonId);
    if (seasonStatus(season) !== 'open') throw closedError(season);
    return season;
  }

  /** An application of this season the caller may act on, still undecided. */
  private async application(
    m: EntityManager,
    seasonId: string,
    requestId: string,
    caller: AuthUser,
  ): Promise<BookingRequest> {
    const request = await requestFor(m, requestId, caller, true);
    if (request.seasonId !== seasonId || !request.preferences) throw notFound('Application');
    if (!isWaiting(request.status)) {
      throw new DomainError('INVALID_STATE', `The application is ${request.status} and cannot change`);
    }
    return request;
  }

  private async view(
    m: EntityManager,
    id: string,
    name: string,
    withOccurrences: boolean,
  ): Promise<SeasonApplicationView> {
    const request = await m.findOneByOrFail(BookingRequest, { id });
    const version = (await versionsOf(m, [id])).get(id) ?? 0;
    return applicationView(request, name, version, withOccurrences);
  }
}

function applicationView(
  r: BookingRequest,
  organisationName: string,
  version: number,
  withOccurrences: boolean,
): SeasonApplicationView {
  return {
    ...toRequestView(r, { organisationName, version }, [], withOccurrences),
    seasonId: r.seasonId!,
    preferences: r.preferences ?? [],
    sessionsPerWeek: r.sessionsPerWeek ?? 1,
  };
}

async function lockSeason(m: EntityManager, seasonId: string): Promise<Season> {
  const season = await m.findOne(Season, { where: { id: seasonId }, lock: { mode: 'pessimistic_write' } });
  if (!season) throw notFound('Season');
  return season;
}

const closedError = (season: Season): DomainError =>
  new DomainError(
    'SEASON_CLOSED',
    `Applications for ${season.name} are taken from ${formatInstant(season.applicationOpensAt)} ` +
      `until ${formatInstant(season.applicationDeadline)}`,
    { status: seasonStatus(season) },
  );

/** Applications changed: a proposal computed before is stale. */
const touch = (m: EntityManager, seasonId: string): Promise<unknown> =>
  m.query('UPDATE seasons SET changed_at = clock_timestamp() WHERE id = $1', [seasonId]);

const dropPins = (m: EntityManager, seasonId: string, requestId: string): Promise<unknown> =>
  m.query(
    `UPDATE season_allocations
        SET pins = COALESCE((SELECT jsonb_agg(p) FROM jsonb_array_elements(pins) p WHERE p->>'requestId' <> $2), '[]')
      WHERE season_id = $1`,
    [seasonId, requestId],
  );

async function orgName(m: EntityManager, id: string): Promise<string> {
  const [row] = await m.query<{ name: string }[]>('SELECT name FROM organisations WHERE id = $1', [id]);
  return row?.name ?? '';
}

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../common/auth/roles';
import { inTransaction } from '../database/transaction';
import { DomainError, notFound } from '../common/errors/domain-error';
import { Page } from '../common/http/pagination';
import { addDays, formatInstant, osloDayBounds } from '../common/time';
import type { PolicyDto } from './dto/policy.dto';
import type { CreateSeasonDto, SeasonQuery, SeasonView, UpdateSeasonDto } from './dto/season.dto';
import { DEFAULT_POLICY, SeasonPolicy } from './season-policy';
import { seasonStatus, seasonStatusSql } from '../core/seasons/season-status';
import { Season } from './season.entity';

/** A season runs at most this long: one school year and a little. */
const MAX_SEASON_DAYS = 400;

interface Dates {
  startsOn: string;
  endsOn: string;
  applicationOpensAt: Date;
  applicationDeadline: Date;
}

/** The season round itself: its dates, rooms and policy, and publishing it. */
@Injectable()
export class SeasonsService {
  constructor(private readonly dataSource: DataSource) {}

  async create(dto: CreateSeasonDto, caller: AuthUser, manager?: EntityManager): Promise<SeasonView> {
    return inTransaction(this.dataSource, manager, async (m) => {
      const period = checkDates(dto);
      const [{ id }] = await m.query<{ id: string }[]>(
        `INSERT INTO seasons (name, starts_on, ends_on, starts_at, ends_at, application_opens_at,
                              application_deadline, policy, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          dto.name,
          dto.startsOn,
          dto.endsOn,
          period.start,
          period.end,
          dto.applicationOpensAt,
          dto.applicationDeadline,
          JSON.stringify(DEFAULT_POLICY),
          caller.id,
        ],
      );
      await this.setRoomsIn(m, id, dto.roomIds ?? []);
      return this.get(id, m);
    });
  }

  /** Dates and rooms may change until the allocation is committed; any change makes a proposal stale. */
  async update(id: string, dto: UpdateSeasonDto): Promise<SeasonView> {
    await this.dataSource.transaction(async (m) => {
      const season = await this.openForChanges(m, id);
      const dates: Dates = {
        startsOn: dto.startsOn ?? season.startsOn,
        endsOn: dto.endsOn ?? season.endsOn,
        applicationOpensAt: dto.applicationOpensAt ?? season.applicationOpensAt,
        applicationDeadline: dto.applicationDeadline ?? season.applicationDeadline,
      };
      const period = checkDates(dates);
      await m.query(
        `UPDATE seasons SET name = $2, starts_on = $3, ends_on = $4, starts_at = $5, ends_at = $6,
                            application_opens_at = $7, application_deadline = $8,
                            changed_at = CASE WHEN $9 THEN clock_timestamp() ELSE changed_at END
          WHERE id = $1`,
        [
          id,
          dto.name ?? season.name,
          dates.startsOn,
          dates.endsOn,
          period.start,
          period.end,
          dates.applicationOpensAt,
          dates.applicationDeadline,
          // Only what the allocation reads makes a proposal stale; a new name does not.
          Object.keys(dto).some((k) => k !== 'name' && dto[k as keyof UpdateSeasonDto] !== undefined),
        ],
      );
      if (dto.roomIds) await this.setRoomsIn(m, id, dto.roomIds);
      else await this.checkOverlaps(m, id);
    });
    return this.get(id);
  }

  async setRooms(id: string, roomIds: string[]): Promise<SeasonView> {
    await this.dataSource.transaction(async (m) => {
      await this.openForChanges(m, id);
      await this.setRoomsIn(m, id, roomIds);
      await m.query('UPDATE seasons SET changed_at = clock_timestamp() WHERE id = $1', [id]);
    });
    return this.get(id);
  }

  async get(id: string, m: EntityManager = this.dataSource.manager): Promise<SeasonView> {
    const season = await m.findOneBy(Season, { id });
    if (!season) throw notFound('Season');
    const [view] = await this.views([season], m);
    return view;
  }

  async list(q: SeasonQuery): Promise<Page<SeasonView>> {
    const qb = this.dataSource
      .getRepository(Season)
      .createQueryBuilder('s')
      .orderBy('s.startsOn', 'DESC')
      .addOrderBy('s.id')
      .take(q.limit)
      .skip(q.offset);
    if (q.status) qb.where(`${seasonStatusSql('s')} = :status`, { status: q.status });
    const [seasons, total] = await qb.getManyAndCount();
    return { items: await this.views(seasons), total };
  }

  async policy(id: string): Promise<SeasonPolicy> {
    const season = await this.dataSource.manager.findOneBy(Season, { id });
    if (!season) throw notFound('Season');
    return season.policy;
  }

  /** Replaces the policy; staff keep it until the allocation is committed. */
  async setPolicy(id: string, dto: PolicyDto): Promise<SeasonPolicy> {
    const policy: SeasonPolicy = {
      tiers: dto.tiers.map((t) => ({ name: t.name, conditions: withoutEmpty(t.conditions) })),
      weights: {
        keepPrevious: dto.weights.keepPrevious,
        preferenceRank: dto.weights.preferenceRank,
        fairness: dto.weights.fairness,
      },
      timeLimitSeconds: dto.timeLimitSeconds,
    };
    await this.dataSource.transaction(async (m) => {
      await this.openForChanges(m, id);
      await m.query('UPDATE seasons SET policy = $2, changed_at = clock_timestamp() WHERE id = $1', [
        id,
        JSON.stringify(policy),
      ]);
    });
    return policy;
  }

  /** Makes a committed season public: its occurrences appear in the public calendar. */
  async publish(id: string): Promise<SeasonView> {
    await this.dataSource.transaction(async (m) => {
      const season = await m.findOne(Season, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!season) throw notFound('Season');
      if (!season.committedAt)
        throw new DomainError('INVALID_STATE', 'Commit the allocation before publishing');
      if (!season.publishedAt) await m.query('UPDATE seasons SET published_at = now() WHERE id = $1', [id]);
    });
    return this.get(id);
  }

  private async openForChanges(m: EntityManager, id: string): Promise<Season> {
    const season = await m.findOne(Season, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!season) throw notFound('Season');
    if (season.committedAt) throw new DomainError('INVALID_STATE', 'The allocation is committed already');
    return season;
  }

  private async setRoomsIn(m: EntityManager, id: string, roomIds: string[]): Promise<void> {
    const found = await m.query<{ id: string }[]>('SELECT id FROM rooms WHERE id = ANY($1)', [roomIds]);
    if (found.length !== roomIds.length) throw notFound('Room');
    await m.query('DELETE FROM season_rooms WHERE season_id = $1 AND NOT (room_id = ANY($2))', [id, roomIds]);
    await m.query(
      `INSERT INTO season_rooms (season_id, room_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [id, roomIds],
    );
    await this.checkOverlaps(m, id);
  }

  /** Two seasons may not give out rooms that share a leaf over overlapping periods. */
  private async checkOverlaps(m: EntityManager, id: string): Promise<void> {
    const [clash] = await m.query<{ name: string }[]>(
      `SELECT other.name FROM seasons s
         JOIN seasons other ON other.id <> s.id AND tstzrange(other.starts_at, other.ends_at) && tstzrange(s.starts_at, s.ends_at)
        WHERE s.id = $1
          AND EXISTS (SELECT 1 FROM season_rooms a JOIN room_leaves la ON la.room_id = a.room_id
                        JOIN room_leaves lb ON lb.leaf_id = la.leaf_id
                        JOIN season_rooms b ON b.room_id = lb.room_id
                       WHERE a.season_id = s.id AND b.season_id = other.id)
        LIMIT 1`,
      [id],
    );
    if (clash) {
      throw new DomainError(
        'CONFLICT',
        `Some of these rooms are given out in ${clash.name} in the same period`,
      );
    }
  }

  private async views(seasons: Season[], m: EntityManager = this.dataSource.manager): Promise<SeasonView[]> {
    if (seasons.length === 0) return [];
    const rooms = await m.query<
      { season_id: string; id: string; name: string; building_id: string; building_name: string }[]
    >(
      `SELECT sr.season_id, r.id, r.name, r.building_id, b.name AS building_name
         FROM season_rooms sr JOIN rooms r ON r.id = sr.room_id JOIN buildings b ON b.id = r.building_id
        WHERE sr.season_id = ANY($1) ORDER BY b.name, r.name, r.id`,
      [seasons.map((s) => s.id)],
    );
    return seasons.map((s) => {
      const mine = rooms.filter((r) => r.season_id === s.id);
      return {
        id: s.id,
        name: s.name,
        startsOn: s.startsOn,
        endsOn: s.endsOn,
        applicationOpensAt: formatInstant(s.applicationOpensAt),
        applicationDeadline: formatInstant(s.applicationDeadline),
        status: seasonStatus(s),
        roomIds: mine.map((r) => r.id),
        rooms: mine.map((r) => ({
          id: r.id,
          name: r.name,
          buildingId: r.building_id,
          buildingName: r.building_name,
        })),
        committedAt: s.committedAt ? formatInstant(s.committedAt) : null,
        publishedAt: s.publishedAt ? formatInstant(s.publishedAt) : null,
        createdAt: formatInstant(s.createdAt),
      };
    });
  }
}

/**
 * The season's period as instants, checked: it runs forwards and at most MAX_SEASON_DAYS, and the
 * application round opens before it closes, which is no later than the season starts.
 */
function checkDates(d: Dates): { start: Date; end: Date } {
  if (d.endsOn < d.startsOn)
    throw new DomainError('INVALID_TIME_RANGE', 'endsOn must not be before startsOn');
  if (addDays(d.startsOn, MAX_SEASON_DAYS) < d.endsOn) {
    throw new DomainError('INVALID_TIME_RANGE', `A season lasts at most ${MAX_SEASON_DAYS} days`);
  }
  const start = osloDayBounds(d.startsOn).start;
  const end = osloDayBounds(d.endsOn).end;
  if (d.applicationDeadline <= d.applicationOpensAt) {
    throw new DomainError('INVALID_TIME_RANGE', 'applicationDeadline must be after applicationOpensAt');
  }
  if (d.applicationDeadline > start) {
    throw new DomainError('INVALID_TIME_RANGE', 'applicationDeadline must not be after the season starts');
  }
  return { start, end };
}

/** Conditions as stored: empty lists would match nothing, so they are left out (they mean "any"). */
function withoutEmpty(
  c: PolicyDto['tiers'][number]['conditions'],
): SeasonPolicy['tiers'][number]['conditions'] {
  return {
    ...(c.organisationKinds?.length ? { organisationKinds: c.organisationKinds } : {}),
    ...(c.requireLocal !== undefined ? { requireLocal: c.requireLocal } : {}),
    ...(c.requireFrivillighetsregisteret !== undefined
      ? { requireFrivillighetsregisteret: c.requireFrivillighetsregisteret }
      : {}),
    ...(c.ageGroups?.length ? { ageGroups: c.ageGroups } : {}),
  };
}

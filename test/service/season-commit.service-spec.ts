import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { insertOccurrences, insertRequest } from '../../src/booking-records/request-queries';
import { DomainError } from '../../src/common/errors/domain-error';
import { osloParts, osloWallToInstant, weekdayOf } from '../../src/common/time';
import { publicHoliday } from '../../src/core/venues/holidays';
import { NotificationsModule } from '../../src/notifications/notifications.module';
import { SeasonAllocationJob } from '../../src/seasons/allocation.job';
import { SeasonAllocation } from '../../src/seasons/season-allocation.entity';
import { SeasonApplicationsService } from '../../src/seasons/season-applications.service';
import { SeasonCommitService } from '../../src/seasons/season-commit.service';
import { datesOnWeekday, SkippedDate } from '../../src/seasons/season-dates';
import { DEFAULT_POLICY } from '../../src/seasons/season-policy';
import { SeasonsModule } from '../../src/seasons/seasons.module';
import { Y } from '../support/dates';
import { eventually } from '../support/eventually';
import { organisation, ServiceWorld, startServices, venueWorld } from '../support/services';

const FEE = { listOre: 0, waivedOre: 0, chargedOre: 0, ruleId: null, ruleVersion: null, lines: [] } as never;
const EVENING = { from: 18 * 60, to: 19 * 60 + 30 };

/** Why a commit was refused: the DomainError it threw (the test fails on anything else). */
async function refusal(commit: Promise<unknown>): Promise<DomainError> {
  const error = await commit.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/**
 * The season commit on a real database, without HTTP: the dates it cannot hold (closures, public
 * holidays, time an approved booking outside the season took after the proposal) are skipped and
 * reported, and a booking approved while the commit runs is refused by the exclusion constraint, never
 * a double booking.
 */
describe('SeasonCommitService.commit on a real database', () => {
  let w: ServiceWorld;
  let rooms: Awaited<ReturnType<typeof venueWorld>>;
  let org: string;

  beforeAll(async () => {
    w = await startServices([NotificationsModule, SeasonsModule]);
    rooms = await venueWorld(w);
    org = await organisation(w);
  });
  afterAll(() => w.close());

  /** A season open for applications over [startsOn, endsOn] in `roomId`, with one weekly application. */
  async function seasonWithApplication(startsOn: string, endsOn: string, roomId: string, weekday: number) {
    const seasonId = randomUUID();
    await w.dataSource.query(
      `INSERT INTO seasons (id, name, starts_on, ends_on, starts_at, ends_at, application_opens_at,
                            application_deadline, policy)
       VALUES ($1, $2, $3, $4, $5, $6, now() - interval '1 day', now() + interval '7 days', $7)`,
      [
        seasonId,
        `Sesong ${startsOn}`,
        startsOn,
        endsOn,
        osloWallToInstant(startsOn, 0),
        osloWallToInstant(endsOn, 24 * 60),
        JSON.stringify(DEFAULT_POLICY),
      ],
    );
    await w.dataSource.query('INSERT INTO season_rooms (season_id, room_id) VALUES ($1, $2)', [
      seasonId,
      roomId,
    ]);
    const app = await w.get(SeasonApplicationsService).apply(
      {
        seasonId,
        organisationId: org,
        title: 'Trening',
        ageGroup: 'youth',
        expectedParticipants: 20,
        sessionsPerWeek: 1,
        preferences: [{ roomId, weekday, startTime: '18:00', endTime: '19:30' }],
      } as never,
      w.staff,
    );
    return { seasonId, requestId: app.id };
  }

  /** Closes the season and runs the allocation job on this thread, answering its stored proposal. */
  async function closeAndAllocate(seasonId: string) {
    await w.dataSource.query(
      `UPDATE seasons SET application_deadline = now() - interval '1 minute' WHERE id = $1`,
      [seasonId],
    );
    const jobId = randomUUID();
    await w.dataSource.query(
      `INSERT INTO season_allocations (season_id, state, job_id) VALUES ($1, 'queued', $2)`,
      [seasonId, jobId],
    );
    const job = { id: jobId, attemptsMade: 0, opts: {}, updateProgress: async () => undefined };
    const summary = await w.get(SeasonAllocationJob).run({ seasonId }, job as never);
    expect(summary).toMatchObject({ state: 'done', assigned: 1 });
    const row = await w.dataSource.manager.findOneByOrFail(SeasonAllocation, { seasonId });
    return row.proposal!;
  }

  /** A single booking outside any season, approved as a decision writes it (the claims trigger fires). */
  async function approvedBooking(m: EntityManager, roomId: string, date: string, from: number, to: number) {
    const requestId = randomUUID();
    const startsAt = osloWallToInstant(date, from)!;
    const endsAt = osloWallToInstant(date, to)!;
    await insertRequest(m, {
      id: requestId,
      organisationId: org,
      roomId,
      title: 'Cup',
      purpose: null,
      ageGroup: 'children',
      expectedParticipants: 10,
      chargesEntranceFee: false,
      startsAt,
      endsAt,
      rrule: null,
      exdates: [],
      seasonId: null,
      preferences: null,
      sessionsPerWeek: null,
      status: 'approved',
      createdBy: w.staff.id,
      createdAt: new Date(),
    });
    const occurrenceId = randomUUID();
    await insertOccurrences(
      m,
      requestId,
      [{ id: occurrenceId, roomId, startsAt, endsAt, conflicts: [], fee: FEE }],
      {
        decision: { at: new Date(), by: w.staff.id, note: '' },
      },
    );
    return { requestId, occurrenceId };
  }

  /** The request's occurrences as (Oslo date, status), by time. */
  const occurrencesOf = async (requestId: string) =>
    (
      await w.dataSource.query<{ starts_at: Date; status: string }[]>(
        'SELECT starts_at, status FROM booking_occurrences WHERE request_id = $1 ORDER BY starts_at',
        [requestId],
      )
    ).map((o) => [osloParts(o.starts_at).date, o.status]);

  /** The approved occurrences in the hall or any of its courts overlapping that evening. */
  const approvedThatEvening = async (roomIds: string[], date: string) =>
    (
      await w.dataSource.query<{ request_id: string }[]>(
        `SELECT request_id FROM booking_occurrences
          WHERE room_id = ANY($1) AND status = 'approved' AND period && tstzrange($2, $3)`,
        [roomIds, osloWallToInstant(date, EVENING.from), osloWallToInstant(date, EVENING.to)],
      )
    ).map((r) => r.request_id);

  const status = async (requestId: string) =>
    (await w.dataSource.query('SELECT status FROM booking_requests WHERE id = $1', [requestId]))[0].status;
  const committedAt = async (seasonId: string) =>
    (await w.dataSource.query('SELECT committed_at FROM seasons WHERE id = $1', [seasonId]))[0].committed_at;

  it('skips the closure, the public holiday and the time a booking took after the proposal, and reports them', async () => {
    // May of year Y on the weekday of 17 May, Grunnlovsdag: a public holiday in the season.
    const startsOn = `${Y}-05-01`;
    const endsOn = `${Y}-05-31`;
    const weekday = weekdayOf(`${Y}-05-17`);
    const dates = datesOnWeekday(startsOn, endsOn, weekday);
    const holidays = dates.filter((d) => publicHoliday(d));
    const working = dates.filter((d) => !publicHoliday(d));
    const [closedOn, bookedOn] = [working[0], working[working.length - 1]];
    const kept = working.filter((d) => d !== closedOn && d !== bookedOn);
    expect(kept.length).toBeGreaterThan(0);

    const { seasonId, requestId } = await seasonWithApplication(startsOn, endsOn, rooms.gym, weekday);
    await w.dataSource.query(
      `INSERT INTO closures (room_id, starts_at, ends_at, reason) VALUES ($1, $2, $3, 'Eksamen')`,
      [rooms.gym, osloWallToInstant(closedOn, 0), osloWallToInstant(closedOn, 24 * 60)],
    );
    const proposal = await closeAndAllocate(seasonId);
    const [planned] = proposal.applications.find((a) => a.requestId === requestId)!.dates;
    expect(planned.skipped.map((s) => s.reason).sort()).toEqual(
      ['closure', ...holidays.map(() => 'holiday')].sort(),
    );

    // Between the proposal and the commit, staff approve a single booking over one of its evenings.
    const cup = await approvedBooking(w.dataSource.manager, rooms.gym, bookedOn, 18 * 60 + 30, 20 * 60);

    const commits = w.get(SeasonCommitService);
    const refused = await refusal(commits.commit(seasonId, {}, w.staff));
    expect(refused.code).toBe('BOOKING_CONFLICT');
    expect(refused.details).toEqual([
      {
        requestId,
        roomId: rooms.gym,
        date: bookedOn,
        inTheWay: [{ occurrenceId: cup.occurrenceId, requestId: cup.requestId }],
      },
    ]);
    expect(await committedAt(seasonId)).toBeNull();
    expect(await occurrencesOf(requestId)).toEqual([]);
    expect(await status(requestId)).toBe('submitted');

    const view = await commits.commit(seasonId, { skipBookedDates: true }, w.staff);
    const skipped = [
      { date: closedOn, reason: 'closure', detail: 'Eksamen' },
      ...holidays.map((d): SkippedDate => ({ date: d, reason: 'holiday', detail: publicHoliday(d)! })),
      { date: bookedOn, reason: 'booked' },
    ].sort((x, y) => (x.date < y.date ? -1 : 1));
    expect(view).toMatchObject({
      requestsApproved: 1,
      requestsRejected: 0,
      occurrencesCreated: kept.length,
      datesSkipped: skipped.length,
      requests: [{ requestId, status: 'approved', occurrences: kept.length, skippedDates: skipped }],
    });
    expect(await occurrencesOf(requestId)).toEqual(kept.map((d) => [d, 'approved']));
    expect(await status(requestId)).toBe('approved');
    const [event] = await w.dataSource.query(
      `SELECT details FROM booking_events WHERE request_id = $1 AND action = 'approved'`,
      [requestId],
    );
    expect(event.details.skippedDates).toEqual(skipped);
    // The evening the cup took stays the cup's alone.
    expect(await approvedThatEvening([rooms.gym], bookedOn)).toEqual([cup.requestId]);
  });

  it('refuses the whole commit when a booking of a court is approved while it runs, then skips that date', async () => {
    const startsOn = `${Y}-06-01`;
    const endsOn = `${Y}-06-30`;
    const weekday = 3; // Wednesday: no public holiday in June
    const dates = datesOnWeekday(startsOn, endsOn, weekday).filter((d) => !publicHoliday(d));
    const raceOn = dates[1];
    const { seasonId, requestId } = await seasonWithApplication(startsOn, endsOn, rooms.hall, weekday);
    await closeAndAllocate(seasonId);

    // Another transaction approves court A, inside the hall, that evening and holds its commit: the
    // season's commit cannot see it, so only the exclusion constraint on the claims stands in the way.
    const other = w.dataSource.createQueryRunner();
    await other.connect();
    try {
      await other.startTransaction();
      const cup = await approvedBooking(other.manager, rooms.courtA, raceOn, 18 * 60, 19 * 60);
      const [{ pid }] = (await other.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];

      const committing = refusal(
        w.get(SeasonCommitService).commit(seasonId, { skipBookedDates: true }, w.staff),
      );
      await eventually(async () => {
        const waiting = await w.dataSource.query<unknown[]>(
          'SELECT 1 FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))',
          [pid],
        );
        return waiting.length > 0 ? true : undefined;
      });
      await other.commitTransaction();

      const refused = await committing;
      expect(refused.code).toBe('BOOKING_CONFLICT');
      expect(await committedAt(seasonId)).toBeNull();
      expect(await occurrencesOf(requestId)).toEqual([]);
      expect(await status(requestId)).toBe('submitted');
      expect(await approvedThatEvening([rooms.hall, rooms.courtA], raceOn)).toEqual([cup.requestId]);

      // Tried again, the commit sees the court's booking and skips that one date.
      const view = await w.get(SeasonCommitService).commit(seasonId, { skipBookedDates: true }, w.staff);
      expect(view.requests).toEqual([
        expect.objectContaining({
          requestId,
          status: 'approved',
          occurrences: dates.length - 1,
          skippedDates: [{ date: raceOn, reason: 'booked' }],
        }),
      ]);
      expect(await approvedThatEvening([rooms.hall, rooms.courtA], raceOn)).toEqual([cup.requestId]);
    } finally {
      if (other.isTransactionActive) await other.rollbackTransaction();
      await other.release();
    }
  });
});

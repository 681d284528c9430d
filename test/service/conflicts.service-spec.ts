import { randomUUID } from 'node:crypto';
import { insertOccurrences, insertRequest } from '../../src/booking-records/request-queries';
import { BookingsModule } from '../../src/bookings/bookings.module';
import { ConflictsService } from '../../src/bookings/conflicts.service';
import { DecisionsService } from '../../src/bookings/decisions.service';
import { addDays, osloWallToInstant } from '../../src/common/time';
import { NotificationsModule } from '../../src/notifications/notifications.module';
import { DEFAULT_POLICY } from '../../src/seasons/season-policy';
import { FIRST_TUESDAY_OF_SEPTEMBER } from '../support/world';
import { organisation, ServiceWorld, startServices, venueWorld } from '../support/services';

/** A slot on the first Tuesday of September, in Oslo wall time (minutes from midnight). */
const at = (from: number, to: number, date = FIRST_TUESDAY_OF_SEPTEMBER) => ({
  startsAt: osloWallToInstant(date, from)!,
  endsAt: osloWallToInstant(date, to)!,
});

const FEE = { listOre: 0, waivedOre: 0, chargedOre: 0, ruleId: null, ruleVersion: null, lines: [] } as never;

describe('ConflictsService.detect on a real database', () => {
  let w: ServiceWorld;
  let rooms: Awaited<ReturnType<typeof venueWorld>>;
  let org: string;
  let conflicts: ConflictsService;

  beforeAll(async () => {
    w = await startServices([NotificationsModule, BookingsModule]);
    rooms = await venueWorld(w);
    org = await organisation(w);
    conflicts = w.get(ConflictsService);
  });
  afterAll(() => w.close());

  /** A request in `roomId` with one occurrence at `slot`, approved or pending. */
  async function booked(roomId: string, slot: { startsAt: Date; endsAt: Date }, approved: boolean) {
    const { requestId, occurrenceIds } = await requested(roomId, [slot], approved);
    return { requestId, occurrenceId: occurrenceIds[0] };
  }

  /** A request in `roomId` with an occurrence at each of `slots`, approved or pending. */
  async function requested(roomId: string, slots: { startsAt: Date; endsAt: Date }[], approved: boolean) {
    const id = randomUUID();
    await insertRequest(w.dataSource.manager, {
      id,
      organisationId: org,
      roomId,
      title: 'Trening',
      purpose: null,
      ageGroup: 'youth',
      expectedParticipants: 10,
      chargesEntranceFee: false,
      startsAt: slots[0].startsAt,
      endsAt: slots[0].endsAt,
      rrule: null,
      exdates: [],
      seasonId: null,
      preferences: null,
      sessionsPerWeek: null,
      status: 'submitted',
      createdBy: w.staff.id,
      createdAt: new Date(),
    });
    const occurrenceIds = slots.map(() => randomUUID());
    await insertOccurrences(
      w.dataSource.manager,
      id,
      slots.map((slot, i) => ({ id: occurrenceIds[i], roomId, ...slot, conflicts: [], fee: FEE })),
      { decision: approved ? { at: new Date(), by: w.staff.id, note: '' } : null },
    );
    return { requestId: id, occurrenceIds };
  }

  it('finds an approved booking of a court in the hall that holds it, and not in the other court', async () => {
    const slot = at(18 * 60, 19 * 60);
    const b = await booked(rooms.courtA, slot, true);
    const [[hall], [courtA], [courtB]] = await Promise.all(
      [rooms.hall, rooms.courtA, rooms.courtB].map((r) => conflicts.detect(w.dataSource.manager, r, [slot])),
    );
    expect(hall).toEqual([{ kind: 'booking', occurrenceId: b.occurrenceId, requestId: b.requestId }]);
    expect(courtA).toEqual([{ kind: 'booking', occurrenceId: b.occurrenceId, requestId: b.requestId }]);
    expect(courtB).toEqual([]);
  });

  it('finds another request pending in a room sharing a leaf as a request conflict, not a booking', async () => {
    const slot = at(20 * 60, 21 * 60);
    const p = await booked(rooms.hall, slot, false);
    const [found] = await conflicts.detect(w.dataSource.manager, rooms.courtB, [slot]);
    expect(found).toEqual([{ kind: 'request', occurrenceId: p.occurrenceId, requestId: p.requestId }]);
    // … and its own pending occurrence is not its own competitor.
    const [own] = await conflicts.detect(w.dataSource.manager, rooms.hall, [slot], {
      requestId: p.requestId,
    });
    expect(own.map((c) => c.kind)).toEqual(['self']);
  });

  it('marks slots of one request that overlap each other as self', async () => {
    const found = await conflicts.detect(w.dataSource.manager, rooms.gym, [
      at(10 * 60, 11 * 60),
      at(10 * 60 + 30, 11 * 60 + 30),
      at(12 * 60, 13 * 60),
    ]);
    expect(found.map((c) => c.map((x) => x.kind))).toEqual([['self'], ['self'], []]);
  });

  it('finds the time a season holds for its rooms while it is allocated, and nothing once it is published', async () => {
    const seasonId = randomUUID();
    const day = FIRST_TUESDAY_OF_SEPTEMBER;
    await w.dataSource.query(
      `INSERT INTO seasons (id, name, starts_on, ends_on, starts_at, ends_at, application_opens_at,
                            application_deadline, policy)
       VALUES ($1, 'Høst', $2, $2, $3, $4, now() - interval '2 days', now() - interval '1 day', $5)`,
      [
        seasonId,
        day,
        osloWallToInstant(day, 0),
        osloWallToInstant(day, 24 * 60),
        JSON.stringify(DEFAULT_POLICY),
      ],
    );
    await w.dataSource.query('INSERT INTO season_rooms (season_id, room_id) VALUES ($1, $2)', [
      seasonId,
      rooms.hall,
    ]);
    const slot = at(15 * 60, 16 * 60);
    const [[court], [gym]] = await Promise.all(
      [rooms.courtA, rooms.gym].map((r) => conflicts.detect(w.dataSource.manager, r, [slot])),
    );
    expect(court).toEqual([expect.objectContaining({ kind: 'season', seasonId })]);
    expect(gym).toEqual([]);
    await w.dataSource.query('UPDATE seasons SET committed_at = now(), published_at = now() WHERE id = $1', [
      seasonId,
    ]);
    const [after] = await conflicts.detect(w.dataSource.manager, rooms.courtA, [slot]);
    expect(after).toEqual([]);
  });

  it('answers whether as current answers which: meeting and competitors agree with the full rule', async () => {
    // A week later than the other tests, so that only this world counts.
    const day = addDays(FIRST_TUESDAY_OF_SEPTEMBER, 7);
    const on = (from: number, to: number) => at(from, to, day);
    const seasonId = randomUUID();
    await w.dataSource.query(
      `INSERT INTO seasons (id, name, starts_on, ends_on, starts_at, ends_at, application_opens_at,
                            application_deadline, policy)
       VALUES ($1, 'Vinter', $2, $2, $3, $4, now() - interval '2 days', now() - interval '1 day', $5)`,
      [
        seasonId,
        day,
        on(14 * 60, 14 * 60).startsAt,
        on(17 * 60, 17 * 60).startsAt,
        JSON.stringify(DEFAULT_POLICY),
      ],
    );
    await w.dataSource.query('INSERT INTO season_rooms (season_id, room_id) VALUES ($1, $2)', [
      seasonId,
      rooms.hall,
    ]);
    await booked(rooms.courtA, on(18 * 60, 19 * 60), true);
    const cases = {
      // the hall holds court A: meets the booking there, and competes with court B's request below
      hall: await requested(rooms.hall, [on(18 * 60 + 30, 19 * 60 + 30)], false),
      // court B: competes with the hall's request (a shared leaf), not the booking in court A
      courtB: await requested(rooms.courtB, [on(19 * 60, 20 * 60)], false),
      // court A in the hall's season: held
      season: await requested(rooms.courtA, [on(15 * 60, 16 * 60)], false),
      // the gym, twice at once in one request (self) and once alone at a free time
      self: await requested(
        rooms.gym,
        [on(10 * 60, 11 * 60), on(10 * 60 + 30, 11 * 60 + 30), on(12 * 60, 13 * 60)],
        false,
      ),
      // the gym after closing time: a venue rule alone
      late: await requested(rooms.gym, [on(22 * 60 + 30, 23 * 60 + 30)], false),
      // court B in the morning: nothing
      free: await requested(rooms.courtB, [on(9 * 60, 10 * 60)], false),
    };
    const ids: string[] = Object.values(cases).flatMap((c) => c.occurrenceIds);
    const m = w.dataSource.manager;
    const stored = (
      await m.query<{ id: string; requestId: string; roomId: string; startsAt: Date; endsAt: Date }[]>(
        `SELECT id, request_id AS "requestId", room_id AS "roomId", starts_at AS "startsAt", ends_at AS "endsAt"
           FROM booking_occurrences WHERE id = ANY($1)`,
        [ids],
      )
    ).sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
    const sorted = (xs: string[]) => [...xs].sort();
    for (const self of [true, false]) {
      const full = await conflicts.current(m, stored, { self });
      for (const competition of [true, false]) {
        const counted = (c: { kind: string }) => competition || c.kind !== 'request';
        const expected = ids.filter((id) => full.get(id)!.some(counted));
        const byId = await conflicts.meeting(m, { occurrenceIds: ids }, { self, competition });
        expect(sorted(byId.map((o) => o.id))).toEqual(sorted(expected));
        const byRequest = await conflicts.meeting(
          m,
          { pendingOfRequests: Object.values(cases).map((c) => c.requestId) },
          { self, competition },
        );
        expect(sorted(byRequest.map((o) => o.id))).toEqual(sorted(expected));
      }
    }
    // What the full rule found, so that the agreement above is over every kind.
    const all = await conflicts.current(m, stored, { self: true });
    const kinds = (c: keyof typeof cases, i = 0) =>
      all
        .get(cases[c].occurrenceIds[i])!
        .map((x) => x.kind)
        .sort();
    expect(kinds('hall')).toEqual(['booking', 'request']);
    expect(kinds('courtB')).toEqual(['request']);
    expect(kinds('season')).toEqual(['season']);
    expect([kinds('self', 0), kinds('self', 1), kinds('self', 2)]).toEqual([['self'], ['self'], []]);
    expect(kinds('late')).toEqual(['outside_opening_hours']);
    expect(kinds('free')).toEqual([]);
    // Which pending dates compete: the request kind of the full rule, and nothing else.
    const competing = await conflicts.competitors(m, stored);
    for (const id of ids) {
      expect(sorted(competing.get(id)!)).toEqual(
        sorted(
          all
            .get(id)!
            .filter((c) => c.kind === 'request')
            .map((c) => c.occurrenceId!),
        ),
      );
    }
    expect(competing.get(cases.hall.occurrenceIds[0])).toEqual(cases.courtB.occurrenceIds);
  });

  it("rechecks an approval's conflicts on a generic plan, not planned again on every call", async () => {
    const { requestId } = await booked(
      rooms.gym,
      at(18 * 60, 19 * 60, addDays(FIRST_TUESDAY_OF_SEPTEMBER, 7)),
      false,
    );
    const runner = w.dataSource.createQueryRunner();
    await runner.startTransaction();
    // PostgreSQL's own count of the recheck's plans on the connection the approval runs on (under
    // plan_cache_mode auto it was planned anew every time: a custom plan).
    const plans = async () => {
      const [row] = await runner.query(
        `SELECT generic_plans::int AS generic, custom_plans::int AS custom
           FROM pg_prepared_statements WHERE name = 'frirom_conflicts_current'`,
      );
      return row ?? { generic: 0, custom: 0 };
    };
    try {
      const before = await plans();
      const view = await w.get(DecisionsService).approve(requestId, {}, w.staff, runner.manager);
      expect(view.occurrences?.map((o) => o.status)).toEqual(['approved']);
      expect(await plans()).toEqual({ generic: before.generic + 1, custom: before.custom });
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});

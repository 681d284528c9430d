import { randomUUID } from 'node:crypto';
import { insertOccurrences, insertRequest } from '../../src/booking-records/request-queries';
import { BookingsModule } from '../../src/bookings/bookings.module';
import { ConflictsService } from '../../src/bookings/conflicts.service';
import { osloWallToInstant } from '../../src/common/time';
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
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      rrule: null,
      exdates: [],
      seasonId: null,
      preferences: null,
      sessionsPerWeek: null,
      status: 'submitted',
      createdBy: w.staff.id,
      createdAt: new Date(),
    });
    const occurrenceId = randomUUID();
    await insertOccurrences(
      w.dataSource.manager,
      id,
      [{ id: occurrenceId, roomId, ...slot, conflicts: [], fee: FEE }],
      { decision: approved ? { at: new Date(), by: w.staff.id, note: '' } : null },
    );
    return { requestId: id, occurrenceId };
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
});

import { randomUUID } from 'node:crypto';
import { addDays, osloWallToInstant } from '../../src/common/time';
import { AllocationInputBuilder } from '../../src/seasons/allocation-input';
import { SeasonApplicationsService } from '../../src/seasons/season-applications.service';
import { DEFAULT_POLICY } from '../../src/seasons/season-policy';
import { Season } from '../../src/seasons/season.entity';
import { SeasonsModule } from '../../src/seasons/seasons.module';
import { NotificationsModule } from '../../src/notifications/notifications.module';
import { FIRST_TUESDAY_OF_SEPTEMBER } from '../support/world';
import { organisation, ServiceWorld, startServices, venueWorld } from '../support/services';

describe('AllocationInputBuilder.build on a real database', () => {
  let w: ServiceWorld;
  let rooms: Awaited<ReturnType<typeof venueWorld>>;
  let seasonId: string;

  beforeAll(async () => {
    w = await startServices([NotificationsModule, SeasonsModule]);
    rooms = await venueWorld(w);
    seasonId = randomUUID();
    const first = FIRST_TUESDAY_OF_SEPTEMBER;
    const last = addDays(first, 7 * 8);
    await w.dataSource.query(
      `INSERT INTO seasons (id, name, starts_on, ends_on, starts_at, ends_at, application_opens_at,
                            application_deadline, policy)
       VALUES ($1, 'Høst', $2, $3, $4, $5, now() - interval '1 day', now() + interval '7 days', $6)`,
      [
        seasonId,
        first,
        last,
        osloWallToInstant(first, 0),
        osloWallToInstant(last, 24 * 60),
        JSON.stringify(DEFAULT_POLICY),
      ],
    );
    for (const room of [rooms.hall, rooms.courtA])
      await w.dataSource.query('INSERT INTO season_rooms (season_id, room_id) VALUES ($1, $2)', [
        seasonId,
        room,
      ]);
  });
  afterAll(() => w.close());

  const apply = async (org: string, roomId: string, title: string) =>
    w.get(SeasonApplicationsService).apply(
      {
        seasonId,
        organisationId: org,
        title,
        ageGroup: 'youth',
        expectedParticipants: 20,
        sessionsPerWeek: 1,
        preferences: [{ roomId, weekday: 2, startTime: '18:00', endTime: '19:30' }],
      } as never,
      w.staff,
    );

  it("reads the season's rooms with their leaves and the applications still waiting, not the withdrawn", async () => {
    const club = await organisation(w, 'Klubben');
    const other = await organisation(w, 'Andre');
    const inCourt = await apply(club, rooms.courtA, 'Trening bane A');
    const inHall = await apply(other, rooms.hall, 'Trening hall');
    const gone = await apply(other, rooms.courtA, 'Trukket');
    await w.get(SeasonApplicationsService).withdraw(seasonId, gone.id, 'Ikke likevel', w.staff);

    const season = await w.dataSource.manager.findOneByOrFail(Season, { id: seasonId });
    const round = await w.get(AllocationInputBuilder).build(w.dataSource.manager, season, []);

    expect(round.applications.map((a) => a.requestId).sort()).toEqual([inCourt.id, inHall.id].sort());
    const court = round.applications.find((a) => a.requestId === inCourt.id)!;
    expect(court).toMatchObject({ organisationId: club, sessionsPerWeek: 1 });
    expect(court.preferences).toEqual([
      { roomId: rooms.courtA, weekday: 2, startTime: '18:00', endTime: '19:30' },
    ]);
    expect([...round.rooms.keys()].sort()).toEqual([rooms.hall, rooms.courtA].sort());
    expect(round.calendars.has(rooms.hall)).toBe(true);
    // The solver sees the hall and its court share a leaf: the hall's leaves include the court.
    const hall = round.input.rooms.find((r) => r.id === rooms.hall)!;
    const courtRoom = round.input.rooms.find((r) => r.id === rooms.courtA)!;
    expect(hall.leaves).toEqual(expect.arrayContaining(courtRoom.leaves));
  });
});

import { AuthUser } from '../../common/auth/roles';
import { addDays, osloToday, osloWallToInstant } from '../../common/time';
import { AgeGroup } from '../../core/domain';
import { SeasonApplicationsService } from '../../seasons/season-applications.service';
import { SeasonsService } from '../../seasons/seasons.service';
import { SeedPart } from '../seed-part';

/** Rooms of the round by short code: Åshallen's hall and courts, and the school gyms. */
const ROOMS: Record<string, [string, string]> = {
  H: ['Åshallen', 'Hallflate'],
  A: ['Åshallen', 'Bane A'],
  B: ['Åshallen', 'Bane B'],
  C: ['Åshallen', 'Bane C'],
  R: ['Rustad skole', 'Gymsal'],
  S: ['Solberg skole', 'Gymsal'],
  J: ['Sjøskogen skole', 'Gymsal'],
  U: ['Brønnerud skole', 'Gymsal'],
  K: ['Kroer skole', 'Gymsal'],
  G: ['Åsgård skole', 'Gymsal'],
  N: ['Nordbytun ungdomsskole', 'Gymsal'],
};

/** [organisation, title, age group, participants, sessions a week, alternatives as 'A2 17:00-18:30' (room, weekday, time)]. */
type Spec = [string, string, AgeGroup, number, number, string[]];

// Contested on purpose: weekday evenings in Åshallen, where children's teams, youth and adults meet.
const APPLICATIONS: Spec[] = [
  ['Ås IL', 'Håndball J10', 'children', 18, 2, ['A1 17:00-18:30', 'A3 17:00-18:30', 'B1 17:00-18:30']],
  ['Ås IL', 'Håndball G12', 'children', 16, 2, ['B1 17:00-18:30', 'B3 17:00-18:30', 'C2 17:00-18:30']],
  ['Ås IL', 'Friidrett innendørs', 'children', 25, 1, ['R5 17:00-18:30', 'S5 17:00-18:30']],
  ['Ås IL', 'Fotball vintertrening G14', 'youth', 22, 1, ['H6 10:00-12:00', 'H7 10:00-12:00']],
  ['Ås IL', 'Trim for voksne', 'adults', 20, 1, ['R2 20:00-21:30', 'G2 20:00-21:30']],
  [
    'Ås Håndballklubb',
    'Håndball J14',
    'youth',
    14,
    2,
    ['C2 18:30-20:00', 'C4 18:30-20:00', 'A2 18:30-20:00'],
  ],
  [
    'Ås Håndballklubb',
    'Håndball G16',
    'youth',
    14,
    2,
    ['A2 18:30-20:00', 'A4 18:30-20:00', 'B4 18:30-20:00'],
  ],
  ['Ås Håndballklubb', 'Minihåndball', 'children', 30, 1, ['H6 09:00-10:00', 'A6 09:00-10:00']],
  ['Ås Håndballklubb', 'Håndball damer senior', 'adults', 16, 1, ['H3 20:00-21:30', 'A3 20:00-21:30']],
  ['Nordby IL', 'Innebandy G11', 'children', 20, 1, ['N1 17:00-18:00', 'J1 17:00-18:00', 'S1 17:00-18:00']],
  ['Nordby IL', 'Turn for barn', 'children', 24, 2, ['J2 17:00-18:30', 'J4 17:00-18:30', 'N4 17:00-18:30']],
  ['Nordby IL', 'Volleyball ungdom', 'youth', 16, 1, ['N3 18:30-20:00', 'H3 18:30-20:00']],
  ['Nordby IL', 'Bedriftsidrett', 'adults', 18, 1, ['N2 20:30-22:00', 'J2 20:30-22:00']],
  ['Nordby IL', 'Innebandy G15', 'youth', 18, 1, ['N1 18:00-19:30', 'S1 18:00-19:30']],
  ['Follo Basket', 'Basket U14', 'youth', 14, 2, ['A1 18:30-20:00', 'B2 18:30-20:00', 'H5 18:30-20:00']],
  ['Follo Basket', 'Basket U12', 'children', 12, 1, ['B1 17:00-18:30', 'C1 17:00-18:30']],
  ['Follo Basket', 'Basket senior', 'adults', 20, 2, ['H4 20:00-21:30', 'H2 20:00-21:30', 'A4 20:00-21:30']],
  ['1. Ås speidergruppe', 'Speiderleker inne', 'children', 30, 1, ['G3 17:00-18:30', 'U3 17:00-18:30']],
  ['1. Ås speidergruppe', 'Roverlaget trening', 'youth', 15, 1, ['U4 19:00-20:30', 'G4 19:00-20:30']],
  ['Ås Skolekorps', 'Marsjøvelse', 'children', 40, 1, ['H7 12:00-13:30', 'R7 12:00-13:30']],
  ['Ås Sjakklubb', 'Sjakk og fysisk aktivitet', 'children', 15, 1, ['K2 17:00-18:00', 'U2 17:00-18:00']],
  [
    'Studieforbundet Folkeuniversitetet Follo',
    'Yoga for nybegynnere',
    'adults',
    20,
    1,
    ['G1 19:00-20:30', 'R1 19:00-20:30'],
  ],
  [
    'Studieforbundet Folkeuniversitetet Follo',
    'Seniortrim',
    'seniors',
    18,
    1,
    ['K3 18:00-19:00', 'U3 18:00-19:00'],
  ],
  [
    'Ås kulturskole',
    'Dans for barn',
    'children',
    20,
    2,
    ['R3 17:00-18:00', 'R4 17:00-18:00', 'G4 17:00-18:00'],
  ],
  ['Ås kulturskole', 'Streetdance ungdom', 'youth', 18, 1, ['R4 18:00-19:30', 'G4 18:00-19:30']],
  ['Follo Dansestudio AS', 'Zumba', 'adults', 25, 1, ['R2 16:00-17:30', 'R4 18:00-19:30', 'N4 20:00-21:30']],
  ['Follo Dansestudio AS', 'Barnedans', 'children', 20, 1, ['G3 17:00-18:00', 'R3 17:00-18:00']],
  ['Follo Basket', 'Basket U16', 'youth', 14, 1, ['C3 18:30-20:00', 'C1 18:30-20:00']],
  ['Ås IL', 'Håndball J12', 'children', 16, 1, ['C1 17:00-18:30', 'A1 17:00-18:30']],
  ['Nordby IL', 'Turn for ungdom', 'youth', 16, 1, ['J4 18:30-20:00', 'N4 18:30-20:00']],
  // Adults wanting children's prime time: they come after the tiers above.
  ['Follo Dansestudio AS', 'Dans for voksne', 'adults', 20, 1, ['A1 17:00-18:30', 'B1 17:00-18:30']],
  ['Follo Basket', 'Basket oldboys', 'adults', 12, 1, ['H1 18:30-20:00', 'H2 18:30-20:00']],
  ['Studieforbundet Folkeuniversitetet Follo', 'Innebandy for voksne', 'adults', 16, 1, ['H6 09:00-10:30']],
];

const DEMO_STAFF = 'staff@demo.frirom.no';

/** Next school year's hall season (15 August to 15 June), open for applications now. */
function demoDates(today: string): { year: number; opens: string; deadline: string } {
  let year = Number(today.slice(0, 4));
  // Keep at least three weeks of application time before the season starts.
  if (addDays(today, 21) >= `${year}-08-15`) year += 1;
  const deadline = `${year}-05-01` > addDays(today, 21) ? `${year}-05-01` : addDays(today, 21);
  return { year, opens: addDays(today, -7), deadline };
}

/**
 * A season round for next autumn with Åshallen and the school gyms, open for applications, and a few
 * dozen applications from the demo organisations, many competing for the same evenings, so staff can
 * run the allocation (a preview while the round is open) on first start.
 */
export const seasonsSeed: SeedPart = {
  name: 'seasons',
  async run({ manager, users, get }) {
    const staffUser = await users.findByEmail(DEMO_STAFF);
    if (!staffUser) return;
    const staff: AuthUser = {
      id: staffUser.id,
      email: staffUser.email,
      name: staffUser.name,
      roles: staffUser.roles,
      locale: 'nb',
    };
    const rooms = await manager.query<{ id: string; building: string; name: string }[]>(
      `SELECT r.id, b.name AS building, r.name FROM rooms r JOIN buildings b ON b.id = r.building_id`,
    );
    const roomId = (code: string): string => {
      const [building, name] = ROOMS[code];
      const room = rooms.find((r) => r.building === building && r.name === name);
      if (!room) throw new Error(`Demo data: ${building} / ${name} not found`);
      return room.id;
    };
    const { year, opens, deadline } = demoDates(osloToday());
    const season = await get(SeasonsService).create(
      {
        name: `Hallsesong ${year}/${String(year + 1).slice(2)}`,
        startsOn: `${year}-08-15`,
        endsOn: `${year + 1}-06-15`,
        applicationOpensAt: osloWallToInstant(opens, 0)!,
        applicationDeadline: osloWallToInstant(deadline, 12 * 60)!,
        roomIds: Object.keys(ROOMS).map(roomId),
      },
      staff,
      manager,
    );
    const orgs = await manager.query<{ id: string; name: string }[]>(
      `SELECT id, name FROM organisations WHERE status = 'verified'`,
    );
    const applications = get(SeasonApplicationsService);
    for (const [org, title, ageGroup, participants, sessionsPerWeek, alternatives] of APPLICATIONS) {
      const organisationId = orgs.find((o) => o.name === org)?.id;
      if (!organisationId) throw new Error(`Demo data: organisation ${org} not found`);
      await applications.apply(
        {
          organisationId,
          title,
          ageGroup,
          expectedParticipants: participants,
          seasonId: season.id,
          sessionsPerWeek,
          preferences: alternatives.map((a) => {
            const [, code, day, start, end] = /^([A-Z])(\d) (\d\d:\d\d)-(\d\d:\d\d)$/.exec(a)!;
            return { roomId: roomId(code), weekday: Number(day), startTime: start, endTime: end };
          }),
        },
        staff,
        manager,
      );
    }
  },
};

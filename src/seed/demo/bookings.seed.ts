import { BookingsService } from '../../bookings/bookings.service';
import { DecisionsService } from '../../bookings/decisions.service';
import { AuthUser } from '../../common/auth/roles';
import { addDays, osloToday, parseInstant, weekdayOf } from '../../common/time';
import { AgeGroup } from '../../core/domain';
import { SeedPart } from '../seed-part';

interface Series {
  org: string;
  building: string;
  room: string;
  title: string;
  ageGroup: AgeGroup;
  participants: number;
  weekday: number;
  from: string;
  to: string;
  weeks: number;
  /** approve: approved where free; pending: left for staff (competing with something). */
  decision: 'approve' | 'pending';
  chargesEntranceFee?: boolean;
}

/**
 * A season of weekly bookings from next week, made through the real use cases (checked, priced,
 * decided, audited). Some are left pending, competing with approved time or with each other, so staff
 * meet real conflicts at GET /conflicts on first start.
 */
const SEASON: Series[] = [
  {
    org: 'Ås IL',
    building: 'Åshallen',
    room: 'Bane A',
    title: 'Håndball J10',
    ageGroup: 'children',
    participants: 18,
    weekday: 1,
    from: '17:00',
    to: '18:30',
    weeks: 20,
    decision: 'approve',
  },
  {
    org: 'Ås IL',
    building: 'Åshallen',
    room: 'Bane B',
    title: 'Håndball G12',
    ageGroup: 'children',
    participants: 16,
    weekday: 1,
    from: '17:00',
    to: '18:30',
    weeks: 20,
    decision: 'approve',
  },
  {
    org: 'Ås Håndballklubb',
    building: 'Åshallen',
    room: 'Bane C',
    title: 'Håndball J14',
    ageGroup: 'youth',
    participants: 14,
    weekday: 2,
    from: '18:30',
    to: '20:00',
    weeks: 20,
    decision: 'approve',
  },
  {
    org: 'Follo Basket',
    building: 'Åshallen',
    room: 'Hallflate',
    title: 'Basket senior',
    ageGroup: 'adults',
    participants: 20,
    weekday: 4,
    from: '20:00',
    to: '21:30',
    weeks: 20,
    decision: 'approve',
  },
  {
    org: 'Nordby IL',
    building: 'Nordbytun ungdomsskole',
    room: 'Gymsal',
    title: 'Innebandy U16',
    ageGroup: 'youth',
    participants: 22,
    weekday: 3,
    from: '18:00',
    to: '19:30',
    weeks: 20,
    decision: 'approve',
  },
  {
    org: 'Ås Skolekorps',
    building: 'Rustad skole',
    room: 'Musikkrom',
    title: 'Korpsøvelse',
    ageGroup: 'children',
    participants: 25,
    weekday: 3,
    from: '18:00',
    to: '20:00',
    weeks: 20,
    decision: 'approve',
  },
  {
    org: 'Ås Sjakklubb',
    building: 'Åsgård skole',
    room: 'Klasserom 7C',
    title: 'Sjakk for alle',
    ageGroup: 'all_ages',
    participants: 20,
    weekday: 2,
    from: '18:00',
    to: '20:30',
    weeks: 20,
    decision: 'approve',
  },
  {
    org: '1. Ås speidergruppe',
    building: 'Brønnerud skole',
    room: 'Gymsal',
    title: 'Speidermøte',
    ageGroup: 'children',
    participants: 30,
    weekday: 4,
    from: '18:00',
    to: '19:30',
    weeks: 20,
    decision: 'approve',
  },
  {
    org: 'Follo Dansestudio AS',
    building: 'Ås kulturhus',
    room: 'Lille sal',
    title: 'Dansekurs',
    ageGroup: 'adults',
    participants: 24,
    weekday: 6,
    from: '10:00',
    to: '12:00',
    weeks: 12,
    decision: 'approve',
    chargesEntranceFee: true,
  },
  {
    org: 'Studieforbundet Folkeuniversitetet Follo',
    building: 'Nordbytun ungdomsskole',
    room: 'Klasserom 9A',
    title: 'Norskkurs',
    ageGroup: 'adults',
    participants: 15,
    weekday: 1,
    from: '18:00',
    to: '20:00',
    weeks: 15,
    decision: 'approve',
  },
  // Pending: wants the whole hall when court A is taken (a booking conflict: the court blocks its hall).
  {
    org: 'Nordby IL',
    building: 'Åshallen',
    room: 'Hallflate',
    title: 'Futsal senior',
    ageGroup: 'adults',
    participants: 24,
    weekday: 1,
    from: '17:30',
    to: '19:00',
    weeks: 20,
    decision: 'pending',
  },
  // Pending and competing with each other for the same gym.
  {
    org: 'Ås Håndballklubb',
    building: 'Solberg skole',
    room: 'Gymsal',
    title: 'Håndball minitreff',
    ageGroup: 'children',
    participants: 20,
    weekday: 5,
    from: '17:30',
    to: '19:00',
    weeks: 20,
    decision: 'pending',
  },
  {
    org: 'Ås IL',
    building: 'Solberg skole',
    room: 'Gymsal',
    title: 'Friidrett innendørs',
    ageGroup: 'children',
    participants: 25,
    weekday: 5,
    from: '18:00',
    to: '19:30',
    weeks: 20,
    decision: 'pending',
  },
];

export const bookingsSeed: SeedPart = {
  name: 'bookings',
  async run({ manager, users, get }) {
    const staffUser = await users.findByEmail('staff@demo.frirom.no');
    if (!staffUser) return;
    const staff: AuthUser = {
      id: staffUser.id,
      email: staffUser.email,
      name: staffUser.name,
      roles: staffUser.roles,
      locale: 'nb',
    };
    const bookings = get(BookingsService);
    const decisions = get(DecisionsService);
    let monday = addDays(osloToday(), 1);
    while (weekdayOf(monday) !== 1) monday = addDays(monday, 1);

    for (const s of SEASON) {
      const [ids] = await manager.query<{ org: string; room: string }[]>(
        `SELECT o.id AS org, r.id AS room FROM organisations o, rooms r JOIN buildings b ON b.id = r.building_id
          WHERE o.name = $1 AND b.name = $2 AND r.name = $3`,
        [s.org, s.building, s.room],
      );
      if (!ids) throw new Error(`Demo data: ${s.org} / ${s.building} / ${s.room} not found`);
      const date = addDays(monday, s.weekday - 1);
      const request = await bookings.create(
        {
          organisationId: ids.org,
          roomId: ids.room,
          title: s.title,
          ageGroup: s.ageGroup,
          expectedParticipants: s.participants,
          startsAt: parseInstant(`${date}T${s.from}`)!,
          endsAt: parseInstant(`${date}T${s.to}`)!,
          recurrence: { rrule: `FREQ=WEEKLY;COUNT=${s.weeks}` },
          chargesEntranceFee: s.chargesEntranceFee ?? false,
        },
        staff,
        manager,
      );
      if (s.decision === 'approve') {
        await decisions.approve(request.id, { note: 'Tildelt for sesongen' }, staff, manager);
        // What the holidays and closures block is turned down with a reason.
        const left =
          (await bookings.get(request.id, staff, manager)).occurrences?.filter(
            (o) => o.status === 'pending',
          ) ?? [];
        if (left.length > 0) {
          await decisions.reject(
            request.id,
            {
              occurrenceIds: left.map((o) => o.id),
              reason: 'Lokalet er stengt denne dagen (helligdag eller ferie)',
            },
            staff,
            manager,
          );
        }
      }
    }
  },
};

import { EntityManager } from 'typeorm';
import { BuildingKind, RoomKind } from '../../core/domain';
import { BuildingCaretaker } from '../../venues/building-caretaker.entity';
import { Building } from '../../venues/building.entity';
import { OpeningHours } from '../../venues/opening-hours.entity';
import { rebuildRoomLeaves } from '../../venues/room-leaves';
import { Room } from '../../venues/room.entity';
import { SeedPart } from '../seed-part';

type Hours = { weekday: number; opens: number; closes: number }[];
const days = (weekdays: number[], opens: number, closes: number): Hours =>
  weekdays.map((weekday) => ({ weekday, opens: opens * 60, closes: closes * 60 }));
/** School gyms: weekdays 17–22, weekends 09–21, as Ås lets them out. */
const SCHOOL_GYM = [...days([1, 2, 3, 4, 5], 17, 22), ...days([6, 7], 9, 21)];
const SCHOOL_ROOM = days([1, 2, 3, 4, 5], 17, 21);
const SPORTS_HALL = [...days([1, 2, 3, 4, 5], 16, 23), ...days([6, 7], 9, 21)];
const CULTURE = days([1, 2, 3, 4, 5, 6, 7], 10, 23);

interface RoomSpec {
  name: string;
  kind: RoomKind;
  capacity: number;
  areaSqm: number;
  accessible?: boolean;
  facilities?: string[];
  hours: Hours;
  sections?: RoomSpec[];
}

interface BuildingSpec {
  name: string;
  kind: BuildingKind;
  address: string;
  rooms: RoomSpec[];
}

const gym = (areaSqm: number, capacity = 60): RoomSpec => ({
  name: 'Gymsal',
  kind: 'gym',
  capacity,
  areaSqm,
  accessible: true,
  facilities: ['garderobe', 'dusj'],
  hours: SCHOOL_GYM,
});
const classroom = (name: string): RoomSpec => ({
  name,
  kind: 'classroom',
  capacity: 28,
  areaSqm: 60,
  hours: SCHOOL_ROOM,
});
const court = (letter: string): RoomSpec => ({
  name: `Bane ${letter}`,
  kind: 'gym',
  capacity: 80,
  areaSqm: 600,
  accessible: true,
  facilities: ['håndball', 'basketball', 'volleyball'],
  hours: SPORTS_HALL,
});

/** Ås kommune's premises as the demo knows them. */
export const AS_PREMISES: BuildingSpec[] = [
  {
    name: 'Åshallen',
    kind: 'sports',
    address: 'Idrettsveien 20, 1430 Ås',
    rooms: [
      {
        name: 'Hallflate',
        kind: 'hall',
        capacity: 500,
        areaSqm: 1800,
        accessible: true,
        facilities: ['tribune', 'garderobe', 'lydanlegg'],
        hours: SPORTS_HALL,
        sections: [court('A'), court('B'), court('C')],
      },
    ],
  },
  {
    name: 'Ås kulturhus',
    kind: 'culture',
    address: 'Kulturveien 2, 1430 Ås',
    rooms: [
      {
        name: 'Store sal',
        kind: 'auditorium',
        capacity: 400,
        areaSqm: 450,
        accessible: true,
        facilities: ['scene', 'lys', 'lyd'],
        hours: CULTURE,
      },
      {
        name: 'Lille sal',
        kind: 'auditorium',
        capacity: 100,
        areaSqm: 140,
        accessible: true,
        facilities: ['scene', 'lyd'],
        hours: CULTURE,
      },
    ],
  },
  {
    name: 'Rustad skole',
    kind: 'school',
    address: 'Rustadveien 6, 1430 Ås',
    rooms: [
      gym(320, 80),
      classroom('Klasserom 5A'),
      {
        name: 'Musikkrom',
        kind: 'music_room',
        capacity: 25,
        areaSqm: 70,
        hours: SCHOOL_ROOM,
        facilities: ['piano'],
      },
    ],
  },
  {
    name: 'Solberg skole',
    kind: 'school',
    address: 'Nordbyveien 40, 1407 Vinterbro',
    rooms: [gym(280), classroom('Klasserom 4B')],
  },
  {
    name: 'Sjøskogen skole',
    kind: 'school',
    address: 'Sjøskogenveien 2, 1407 Vinterbro',
    rooms: [gym(300), classroom('Klasserom 6A')],
  },
  {
    name: 'Brønnerud skole',
    kind: 'school',
    address: 'Brønnerudveien 20, 1430 Ås',
    rooms: [gym(260), classroom('Klasserom 3A')],
  },
  { name: 'Kroer skole', kind: 'school', address: 'Kroerveien 325, 1430 Ås', rooms: [gym(180, 40)] },
  {
    name: 'Åsgård skole',
    kind: 'school',
    address: 'Skoleveien 10, 1430 Ås',
    rooms: [
      gym(240),
      classroom('Klasserom 7C'),
      { name: 'Skolekjøkken', kind: 'kitchen', capacity: 20, areaSqm: 80, hours: SCHOOL_ROOM },
    ],
  },
  {
    name: 'Nordbytun ungdomsskole',
    kind: 'school',
    address: 'Nordbyveien 2, 1407 Vinterbro',
    rooms: [
      gym(420, 100),
      classroom('Klasserom 9A'),
      {
        name: 'Auditorium',
        kind: 'auditorium',
        capacity: 150,
        areaSqm: 180,
        accessible: true,
        hours: SCHOOL_ROOM,
      },
    ],
  },
];

async function insertRoom(
  m: EntityManager,
  buildingId: string,
  spec: RoomSpec,
  parentRoomId: string | null,
): Promise<void> {
  const room = await m.getRepository(Room).save({
    buildingId,
    name: spec.name,
    kind: spec.kind,
    capacity: spec.capacity,
    areaSqm: spec.areaSqm,
    accessible: spec.accessible ?? false,
    facilities: spec.facilities ?? [],
    parentRoomId,
  });
  await m.insert(
    OpeningHours,
    spec.hours.map((h) => ({ ...h, roomId: room.id })),
  );
  for (const section of spec.sections ?? []) await insertRoom(m, buildingId, section, room.id);
}

export const venuesSeed: SeedPart = {
  name: 'venues',
  async run({ manager, users }) {
    for (const spec of AS_PREMISES) {
      const building = await manager.getRepository(Building).save({
        name: spec.name,
        kind: spec.kind,
        address: spec.address,
        closedOnPublicHolidays: spec.kind !== 'culture',
      });
      for (const room of spec.rooms) await insertRoom(manager, building.id, room, null);
      await rebuildRoomLeaves(manager, building.id);
    }
    // The demo caretaker looks after Åshallen and Rustad skole.
    const caretaker = await users.findByEmail('caretaker@demo.frirom.no');
    if (caretaker) {
      const buildings = await manager
        .getRepository(Building)
        .findBy([{ name: 'Åshallen' }, { name: 'Rustad skole' }]);
      await manager.insert(
        BuildingCaretaker,
        buildings.map((b) => ({ buildingId: b.id, userId: caretaker.id })),
      );
    }
  },
};

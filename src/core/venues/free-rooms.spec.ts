import { freeRooms, FreeRoomsWindow, ListedRoom } from './free-rooms';

const evenings = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: 17 * 60, closes: 22 * 60 }));
const room = (id: string, facts: Partial<ListedRoom> = {}): ListedRoom => ({
  id,
  name: id,
  kind: 'gym',
  capacity: 30,
  areaSqm: null,
  accessible: false,
  facilities: [],
  buildingId: 'school',
  buildingName: 'Skolen',
  closedOnPublicHolidays: true,
  openingHours: evenings,
  leaves: [id],
  ...facts,
});

// A hall in two courts, a classroom, and an auditorium in another building open on holidays.
const rooms = [
  room('hall', { kind: 'hall', capacity: 200, accessible: true, leaves: ['courtA', 'courtB'] }),
  room('courtA'),
  room('courtB'),
  room('classroom', { kind: 'classroom', capacity: 25 }),
  room('auditorium', {
    buildingId: 'culture',
    capacity: 400,
    accessible: true,
    closedOnPublicHolidays: false,
  }),
];
const tuesday: FreeRoomsWindow = {
  weekday: 2,
  from: 18 * 60,
  to: 20 * 60,
  publicHoliday: false,
  busyLeaves: new Set(),
  closedBuildings: new Set(),
};
const ids = (window: Partial<FreeRoomsWindow>, filter = {}) =>
  freeRooms(rooms, { ...tuesday, ...window }, { minCapacity: 1, ...filter }).map((r) => r.id);

describe('free rooms in a window', () => {
  it('keeps the rooms open for the whole window, in the order given', () => {
    expect(ids({})).toEqual(['hall', 'courtA', 'courtB', 'classroom', 'auditorium']);
    expect(ids({ from: 16 * 60 })).toEqual([]);
    expect(ids({ to: 22 * 60 + 30 })).toEqual([]);
    expect(ids({ weekday: 6 })).toEqual([]);
  });

  it('leaves out a room any of whose leaves is busy: a booked court blocks its hall, not the other court', () => {
    expect(ids({ busyLeaves: new Set(['courtA']) })).toEqual(['courtB', 'classroom', 'auditorium']);
  });

  it('leaves out closed buildings, and on a public holiday those that close then', () => {
    expect(ids({ closedBuildings: new Set(['school']) })).toEqual(['auditorium']);
    expect(ids({ publicHoliday: true })).toEqual(['auditorium']);
  });

  it('filters by capacity, kind, accessibility either way, and building', () => {
    expect(ids({}, { kind: 'hall' })).toEqual(['hall']);
    expect(ids({}, { kind: 'classroom', minCapacity: 20 })).toEqual(['classroom']);
    expect(ids({}, { minCapacity: 100 })).toEqual(['hall', 'auditorium']);
    expect(ids({}, { accessible: true })).toEqual(['hall', 'auditorium']);
    expect(ids({}, { accessible: false })).toEqual(['courtA', 'courtB', 'classroom']);
    expect(ids({}, { buildingId: 'school', minCapacity: 26 })).toEqual(['hall', 'courtA', 'courtB']);
  });
});

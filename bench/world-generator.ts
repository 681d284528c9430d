// A deterministic world at a named scale, loaded fast (batched INSERT … SELECT FROM unnest), for the
// booking, pricing and statistics benchmarks: buildings, rooms (halls split into three courts),
// opening hours, verified organisations, and a year of approved weekly series.
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addDays, osloWallToInstant, weekdayOf } from '../src/common/time';
import { withCheckDigit } from '../src/core/org-number';
import { prng } from './allocation-generator';

export interface WorldSpec {
  name: string;
  seed: number;
  buildings: number;
  /** Rooms including sections. */
  rooms: number;
  /** Every n-th building gets a hall split into three courts. */
  hallEvery: number;
  organisations: number;
  /** Approved occurrences to aim for over the year. */
  occurrences: number;
  /** First Monday of the loaded year. */
  from: string;
  weeks: number;
  municipalityNumber: string;
}

export const BENCH_YEAR = Math.max(2027, new Date().getUTCFullYear() + 1);
const firstMonday = (year: number): string => {
  let d = `${year}-01-01`;
  while (weekdayOf(d) !== 1) d = addDays(d, 1);
  return d;
};

export const AAS_WORLD: WorldSpec = {
  name: 'Ås',
  seed: 3218,
  buildings: 15,
  rooms: 80,
  hallEvery: 5,
  organisations: 200,
  occurrences: 20_000,
  from: firstMonday(BENCH_YEAR),
  weeks: 52,
  municipalityNumber: '3218',
};

export const OSLO_WORLD: WorldSpec = {
  name: 'Oslo',
  seed: 301,
  buildings: 150,
  rooms: 2_000,
  hallEvery: 3,
  organisations: 3_000,
  occurrences: 600_000,
  from: firstMonday(BENCH_YEAR),
  weeks: 52,
  municipalityNumber: '0301',
};

/** Evening and weekend slots, in minutes since midnight, that series are laid on. */
const WEEKDAY_SLOTS: [number, number][] = [
  [17 * 60, 18 * 60 + 30],
  [18 * 60 + 30, 20 * 60],
  [20 * 60, 21 * 60 + 30],
];
const WEEKEND_SLOTS: [number, number][] = [
  [10 * 60, 12 * 60],
  [12 * 60, 14 * 60],
];
const KINDS = [
  'voluntary',
  'sports',
  'sports',
  'sports',
  'study_association',
  'commercial',
  'public',
] as const;
const AGES = ['children', 'youth', 'youth', 'adults', 'seniors', 'all_ages'] as const;

export interface World {
  spec: WorldSpec;
  buildingIds: string[];
  /** Rooms a booking can name, with their leaves and capacity. */
  rooms: { id: string; buildingId: string; leaves: string[]; capacity: number }[];
  organisationIds: string[];
  occurrences: number;
}

async function insertRows(
  ds: DataSource,
  table: string,
  columns: [string, string][],
  rows: unknown[][],
): Promise<void> {
  const batch = 20_000;
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    const arrays = columns.map((_, c) => chunk.map((r) => r[c]));
    const list = columns.map(([name]) => name).join(', ');
    const unnest = columns.map(([, type], c) => `$${c + 1}::${type}[]`).join(', ');
    await ds.query(`INSERT INTO ${table} (${list}) SELECT * FROM unnest(${unnest})`, arrays);
  }
}

/** Loads the world into an empty, migrated database. */
export async function loadWorld(ds: DataSource, spec: WorldSpec): Promise<World> {
  const rand = prng(spec.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];

  const buildingIds = Array.from({ length: spec.buildings }, () => randomUUID());
  await insertRows(
    ds,
    'buildings',
    [
      ['id', 'uuid'],
      ['name', 'text'],
      ['kind', 'text'],
      ['closed_on_public_holidays', 'boolean'],
    ],
    buildingIds.map((id, i) => [
      id,
      `Bygg ${i + 1}`,
      i % 10 === 0 ? 'sports' : i % 10 === 1 ? 'culture' : 'school',
      true,
    ]),
  );

  // Rooms: halls with three courts where hallEvery says, the rest plain rooms, spread evenly.
  const rooms: {
    id: string;
    buildingId: string;
    name: string;
    kind: string;
    capacity: number;
    area: number;
    parent: string | null;
  }[] = [];
  const bookable: World['rooms'] = [];
  let b = 0;
  while (rooms.length < spec.rooms) {
    const buildingId = buildingIds[b % buildingIds.length];
    if (b % spec.hallEvery === 0 && b < buildingIds.length && rooms.length + 4 <= spec.rooms) {
      const hall = randomUUID();
      const courts = [randomUUID(), randomUUID(), randomUUID()];
      rooms.push({
        id: hall,
        buildingId,
        name: 'Hall',
        kind: 'hall',
        capacity: 300,
        area: 1500,
        parent: null,
      });
      courts.forEach((id, c) =>
        rooms.push({
          id,
          buildingId,
          name: `Bane ${'ABC'[c]}`,
          kind: 'gym',
          capacity: 80,
          area: 500,
          parent: hall,
        }),
      );
      bookable.push({ id: hall, buildingId, leaves: courts, capacity: 300 });
      for (const id of courts) bookable.push({ id, buildingId, leaves: [id], capacity: 80 });
    } else {
      const id = randomUUID();
      const kind = pick(['gym', 'gym', 'classroom', 'meeting_room', 'music_room'] as const);
      const area = kind === 'gym' ? 250 + Math.floor(rand() * 200) : 50 + Math.floor(rand() * 60);
      rooms.push({
        id,
        buildingId,
        name: `Rom ${rooms.length + 1}`,
        kind,
        capacity: kind === 'gym' ? 60 : 25,
        area,
        parent: null,
      });
      bookable.push({ id, buildingId, leaves: [id], capacity: kind === 'gym' ? 60 : 25 });
    }
    b++;
  }
  await insertRows(
    ds,
    'rooms',
    [
      ['id', 'uuid'],
      ['building_id', 'uuid'],
      ['name', 'text'],
      ['kind', 'text'],
      ['capacity', 'int'],
      ['area_sqm', 'int'],
      ['parent_room_id', 'uuid'],
    ],
    rooms.map((r) => [r.id, r.buildingId, r.name, r.kind, r.capacity, r.area, r.parent]),
  );
  await insertRows(
    ds,
    'room_leaves',
    [
      ['room_id', 'uuid'],
      ['leaf_id', 'uuid'],
    ],
    bookable.flatMap((r) => r.leaves.map((leaf) => [r.id, leaf])),
  );
  await insertRows(
    ds,
    'opening_hours',
    [
      ['room_id', 'uuid'],
      ['weekday', 'smallint'],
      ['opens', 'smallint'],
      ['closes', 'smallint'],
    ],
    rooms.flatMap((r) =>
      [1, 2, 3, 4, 5, 6, 7].map((d) => [r.id, d, d <= 5 ? 16 * 60 : 8 * 60, d <= 5 ? 23 * 60 : 22 * 60]),
    ),
  );

  const organisationIds = Array.from({ length: spec.organisations }, () => randomUUID());
  const orgKinds = organisationIds.map(() => pick(KINDS));
  await insertRows(
    ds,
    'organisations',
    [
      ['id', 'uuid'],
      ['org_number', 'text'],
      ['name', 'text'],
      ['kind', 'text'],
      ['in_frivillighetsregisteret', 'boolean'],
      ['municipality_number', 'text'],
      ['email', 'text'],
      ['status', 'text'],
      ['verified_at', 'timestamptz'],
    ],
    organisationIds.map((id, i) => {
      let n = 0;
      let number: string | null = null;
      while (!number) number = withCheckDigit(String(70_000_000 + i * 7 + n++));
      const kind = orgKinds[i];
      return [
        id,
        number,
        `Forening ${i + 1}`,
        kind,
        kind !== 'commercial' && rand() < 0.7,
        rand() < 0.85 ? spec.municipalityNumber : '3201',
        `post${i}@forening.example.no`,
        'verified',
        new Date(),
      ];
    }),
  );

  // Weekly series on free (bookable unit, weekday, slot) cells; a hall slot taken whole is not also given
  // to its courts, and the reverse.
  const slotsPerWeek = 5 * WEEKDAY_SLOTS.length + 2 * WEEKEND_SLOTS.length;
  const density = Math.min(0.95, spec.occurrences / (bookable.length * slotsPerWeek * spec.weeks));
  const taken = new Set<string>();
  const requests: unknown[][] = [];
  const occurrences: unknown[][] = [];
  for (const unit of bookable) {
    for (let weekday = 1; weekday <= 7; weekday++) {
      const slots = weekday <= 5 ? WEEKDAY_SLOTS : WEEKEND_SLOTS;
      for (const [start, end] of slots) {
        if (rand() >= density) continue;
        const cells = unit.leaves.map((leaf) => `${leaf}/${weekday}/${start}`);
        if (cells.some((c) => taken.has(c))) continue;
        cells.forEach((c) => taken.add(c));
        const requestId = randomUUID();
        const org = Math.floor(rand() * organisationIds.length);
        const firstDate = addDays(spec.from, weekday - 1);
        requests.push([
          requestId,
          organisationIds[org],
          unit.id,
          'Trening',
          pick(AGES),
          Math.min(20, unit.capacity),
          osloWallToInstant(firstDate, start),
          osloWallToInstant(firstDate, end),
          `FREQ=WEEKLY;COUNT=${spec.weeks}`,
          'approved',
        ]);
        for (let week = 0; week < spec.weeks; week++) {
          const date = addDays(firstDate, 7 * week);
          occurrences.push([
            randomUUID(),
            requestId,
            unit.id,
            osloWallToInstant(date, start),
            osloWallToInstant(date, end),
            'approved',
          ]);
        }
      }
    }
  }
  await insertRows(
    ds,
    'booking_requests',
    [
      ['id', 'uuid'],
      ['organisation_id', 'uuid'],
      ['room_id', 'uuid'],
      ['title', 'text'],
      ['age_group', 'text'],
      ['expected_participants', 'int'],
      ['starts_at', 'timestamptz'],
      ['ends_at', 'timestamptz'],
      ['rrule', 'text'],
      ['status', 'text'],
    ],
    requests,
  );
  // Claims in one statement rather than a trigger call per row.
  await ds.query('ALTER TABLE booking_occurrences DISABLE TRIGGER booking_occurrences_claims');
  try {
    await insertRows(
      ds,
      'booking_occurrences',
      [
        ['id', 'uuid'],
        ['request_id', 'uuid'],
        ['room_id', 'uuid'],
        ['starts_at', 'timestamptz'],
        ['ends_at', 'timestamptz'],
        ['status', 'text'],
      ],
      occurrences,
    );
  } finally {
    await ds.query('ALTER TABLE booking_occurrences ENABLE TRIGGER booking_occurrences_claims');
  }
  await ds.query(
    `INSERT INTO booking_claims (occurrence_id, leaf_room_id, period)
     SELECT o.id, rl.leaf_id, o.period FROM booking_occurrences o JOIN room_leaves rl ON rl.room_id = o.room_id
      WHERE o.status = 'approved'`,
  );
  // Statistics for the planner, and the visibility map set so that index-only scans (the busy-leaves
  // lookup of free rooms) read no table pages. VACUUM runs outside a transaction, as ds.query does.
  await ds.query('VACUUM ANALYZE');
  return { spec, buildingIds, rooms: bookable, organisationIds, occurrences: occurrences.length };
}

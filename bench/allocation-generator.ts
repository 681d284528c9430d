// Deterministic season rounds for the allocation benchmark: school buildings grouped in districts, some
// with a hall split into three courts, and applications whose alternatives stay mostly near home.
import { AllocationApplication, AllocationInput, AllocationRoom, Slot } from '../src/core/allocation';
import { Weekday } from '../src/core/domain';

export interface RoundSpec {
  seed: number;
  buildings: number;
  buildingsPerDistrict: number;
  rooms: number;
  applications: number;
  /** Every n-th building has a hall split into three courts. */
  hallEvery: number;
  /** Chance that an alternative is in another building of the same district. */
  otherBuilding: number;
  /** Chance that an alternative is anywhere in the municipality. */
  anywhere: number;
  timeLimitSeconds: number;
}

/** mulberry32: small, fast and good enough to make rounds repeatable. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Use = 'sport' | 'culture';
interface GeneratedRoom extends AllocationRoom {
  use: Use;
  weekendsOpen: boolean;
}

export function generateRound(spec: RoundSpec): AllocationInput {
  const rand = prng(spec.seed);
  const chance = (p: number): boolean => rand() < p;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const weighted = <T>(pairs: readonly [T, number][]): T => {
    let r = rand() * pairs.reduce((s, [, w]) => s + w, 0);
    for (const [value, w] of pairs) if ((r -= w) < 0) return value;
    return pairs[pairs.length - 1][0];
  };

  const rooms: GeneratedRoom[] = [];
  const addRoom = (b: number, id: string, use: Use, leaves = [id]): void => {
    const weekendsOpen = use === 'sport' || chance(0.6);
    const openingHours = ([1, 2, 3, 4, 5, 6, 7] as Weekday[])
      .filter((d) => d <= 5 || weekendsOpen)
      .map((weekday) =>
        weekday <= 5
          ? { weekday, opens: 17 * 60, closes: 22 * 60 }
          : { weekday, opens: 9 * 60, closes: 21 * 60 },
      );
    rooms.push({ id, buildingId: `b${b}`, leaves, openingHours, use, weekendsOpen });
  };
  for (let b = 0; b < spec.buildings && rooms.length + 4 <= spec.rooms; b += spec.hallEvery) {
    const courts = ['A', 'B', 'C'].map((c) => `b${b}-court${c}`);
    addRoom(b, `b${b}-hall`, 'sport', courts);
    courts.forEach((c) => addRoom(b, c, 'sport'));
  }
  for (let i = 0; rooms.length < spec.rooms; i++) {
    const b = i % spec.buildings;
    const kind = pick(['gym', 'gym', 'classroom', 'music', 'meeting'] as const);
    addRoom(b, `b${b}-${kind}${Math.floor(i / spec.buildings)}`, kind === 'gym' ? 'sport' : 'culture');
  }

  const district = (b: number): number => Math.floor(b / spec.buildingsPerDistrict);
  const roomsOf = (use: Use, where: (b: number) => boolean): GeneratedRoom[] =>
    rooms.filter((r) => r.use === use && where(Number(r.buildingId.slice(1))));
  const choices = new Map<string, GeneratedRoom[]>();
  const cached = (key: string, make: () => GeneratedRoom[]): GeneratedRoom[] => {
    let list = choices.get(key);
    if (!list) choices.set(key, (list = make()));
    return list;
  };
  const roomNear = (home: number, use: Use): GeneratedRoom => {
    const own = cached(`own:${home}:${use}`, () => roomsOf(use, (b) => b === home));
    const near = cached(`district:${district(home)}:${use}`, () =>
      roomsOf(use, (b) => district(b) === district(home)),
    );
    const all = cached(`all:${use}`, () => roomsOf(use, () => true));
    if (chance(spec.anywhere)) return pick(all);
    if (own.length === 0 || chance(spec.otherBuilding)) return pick(near.length > 0 ? near : all);
    return pick(own);
  };

  // Evenings peak after school for children and later for adults; weekends are quieter.
  const startOn = (weekday: Weekday, minutes: number, tier: number): number => {
    if (weekday >= 6) return 9 * 60 + 30 * Math.floor(rand() * ((21 * 60 - minutes - 9 * 60) / 30 + 1));
    const latest = 22 * 60 - minutes;
    const peak = tier <= 2 ? 17 * 60 + 30 : 19 * 60;
    const start = peak + 30 * Math.round((rand() + rand() + rand() - 1.5) * 3);
    return Math.min(latest, Math.max(17 * 60, start));
  };
  const weekday = (): Weekday =>
    weighted<Weekday>([
      [1, 18],
      [2, 18],
      [3, 18],
      [4, 18],
      [5, 12],
      [6, 8],
      [7, 6],
    ]);

  const applications: AllocationApplication[] = [];
  for (let i = 0; i < spec.applications; i++) {
    const tier = weighted([
      [1, 35],
      [2, 25],
      [3, 25],
      [4, 15],
    ]);
    const use: Use = chance(0.65) ? 'sport' : 'culture';
    const home = Math.floor(rand() * spec.buildings);
    const minutes = weighted([
      [60, 35],
      [90, 40],
      [120, 25],
    ]);
    const first: Slot = { roomId: roomNear(home, use).id, weekday: weekday(), start: 0, end: 0 };
    first.start = startOn(first.weekday, minutes, tier);
    // A few applicants ask before the room opens, as real forms do.
    if (first.weekday <= 5 && chance(0.03)) first.start = 16 * 60;
    first.end = first.start + minutes;
    const alternatives = [first];
    while (alternatives.length < 3) {
      const base = alternatives[0];
      const next: Slot = { ...base };
      const how = rand();
      if (how < 0.4) next.weekday = weekday();
      else if (how < 0.7) next.roomId = roomNear(home, use).id;
      else next.start = Math.max(9 * 60, base.start + pick([-60, -30, 30, 60]));
      if (next.weekday !== base.weekday) next.start = startOn(next.weekday, minutes, tier);
      next.end = next.start + minutes;
      if (next.end > 24 * 60) continue;
      alternatives.push(next);
    }
    applications.push({
      id: `app-${String(i).padStart(5, '0')}`,
      organisationId: `org-${Math.floor(i / 3)}`,
      tier,
      sessionsPerWeek: chance(0.35) ? 2 : 1,
      alternatives,
      previous: chance(0.4) ? [pick(alternatives)] : undefined,
      hoursAlreadyGranted: weighted([
        [0, 40],
        [1.5, 25],
        [3, 20],
        [6, 15],
      ]),
    });
  }
  return {
    rooms: rooms.map(({ id, buildingId, leaves, openingHours }) => ({
      id,
      buildingId,
      leaves,
      openingHours,
    })),
    applications,
    weights: { keepPrevious: 4, preferenceRank: 1, fairness: 0.25 },
    timeLimitSeconds: spec.timeLimitSeconds,
  };
}

export const AAS: RoundSpec = {
  seed: 2027,
  buildings: 10,
  buildingsPerDistrict: 10,
  rooms: 40,
  applications: 300,
  hallEvery: 3,
  otherBuilding: 0.3,
  anywhere: 0,
  timeLimitSeconds: 5,
};

export const OSLO: RoundSpec = {
  seed: 2028,
  buildings: 100,
  buildingsPerDistrict: 7,
  rooms: 600,
  applications: 5000,
  hallEvery: 3,
  otherBuilding: 0.25,
  anywhere: 0.01,
  timeLimitSeconds: 60,
};

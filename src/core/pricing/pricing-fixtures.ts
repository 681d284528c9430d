import { parseInstant } from '../../common/time';
import type { ExemptionRule, PriceList, PricingSubject } from './types';

/**
 * Examples modelled on Ås kommune's policy, for the unit tests and benchmarks: free for verified local
 * voluntary and sports organisations in Frivillighetsregisteret when the activity is for children or
 * youth, in school premises on weekdays; 50 % off for other local nonprofits; nothing off for commercial
 * renters or events that charge entrance.
 */
export const HOME_MUNICIPALITY = '3218'; // Ås

/** Nonprofit rent by room size (≤ 100 m², 100–400 m², > 400 m²); commercial four times as much. */
export const PRICE_LISTS = {
  small: { hourlyOre: { nonprofit: 4100, public: 4100, commercial: 16400, private: 8200 } },
  medium: { hourlyOre: { nonprofit: 15500, public: 15500, commercial: 62000, private: 31000 } },
  large: { hourlyOre: { nonprofit: 45800, public: 45800, commercial: 183200, private: 91600 } },
} satisfies Record<string, PriceList>;

export const FREE_FOR_YOUTH: ExemptionRule = {
  id: 'free-youth',
  version: 2,
  name: 'Free for local youth',
  priority: 100,
  validFrom: '2027-01-01',
  validTo: null,
  conditions: {
    organisationKinds: ['voluntary', 'sports'],
    requireFrivillighetsregisteret: true,
    requireLocal: true,
    ageGroups: ['children', 'youth'],
    buildingKinds: ['school'],
    weekdays: [1, 2, 3, 4, 5],
    excludeEntranceFee: true,
  },
  effect: { waivePercent: 100 },
};

export const HALF_FOR_LOCAL_NONPROFITS: ExemptionRule = {
  id: 'half-local',
  version: 1,
  name: 'Half price for local nonprofits',
  priority: 50,
  validFrom: '2027-01-01',
  conditions: {
    organisationKinds: ['voluntary', 'sports', 'study_association'],
    requireLocal: true,
    excludeEntranceFee: true,
  },
  effect: { waivePercent: 50 },
};

export const AS_RULES: ExemptionRule[] = [FREE_FOR_YOUTH, HALF_FOR_LOCAL_NONPROFITS];

/** Ten rules of the kind staff might keep, for benchmarks: the two above plus variations and an old version. */
export const TEN_RULES: ExemptionRule[] = [
  FREE_FOR_YOUTH,
  {
    ...FREE_FOR_YOUTH,
    version: 1,
    validFrom: '2025-01-01',
    validTo: '2026-12-31',
    effect: { waivePercent: 80 },
  },
  HALF_FOR_LOCAL_NONPROFITS,
  {
    id: 'seniors-daytime',
    version: 1,
    name: 'Free daytime for seniors',
    priority: 90,
    validFrom: '2027-01-01',
    conditions: {
      organisationKinds: ['voluntary'],
      requireLocal: true,
      ageGroups: ['seniors'],
      weekdays: [1, 2, 3, 4, 5],
      startsNotBefore: '09:00',
      endsNotAfter: '16:00',
    },
    effect: { waivePercent: 100 },
  },
  {
    id: 'study-evenings',
    version: 3,
    name: 'Study association evenings',
    priority: 60,
    validFrom: '2027-01-01',
    conditions: { organisationKinds: ['study_association'], requireLocal: true, startsNotBefore: '17:00' },
    effect: { waivePercent: 75 },
  },
  {
    id: 'culture-stage',
    version: 1,
    name: 'Culture house stage',
    priority: 40,
    validFrom: '2027-01-01',
    conditions: {
      organisationKinds: ['voluntary', 'study_association'],
      buildingKinds: ['culture'],
      roomKinds: ['auditorium', 'hall'],
    },
    effect: { waivePercent: 25 },
  },
  {
    id: 'summer-children',
    version: 1,
    name: 'Summer activities for children',
    priority: 110,
    validFrom: '2027-06-21',
    validTo: '2027-08-15',
    conditions: {
      organisationKinds: ['voluntary', 'sports'],
      ageGroups: ['children'],
      excludeEntranceFee: true,
    },
    effect: { waivePercent: 100, waives: ['rent', 'fixed', 'caretaker', 'cleaning'] },
  },
  {
    id: 'weekend-caretaker',
    version: 2,
    name: 'Caretaker free at weekends for youth',
    priority: 80,
    validFrom: '2027-01-01',
    conditions: { requireLocal: true, ageGroups: ['children', 'youth'], weekdays: [6, 7] },
    effect: { waivePercent: 100, waives: ['rent', 'caretaker'] },
  },
  {
    id: 'municipal-use',
    version: 1,
    name: 'Municipal use',
    priority: 30,
    validFrom: '2027-01-01',
    conditions: { organisationKinds: ['public'], requireLocal: true },
    effect: { waivePercent: 100 },
  },
  {
    id: 'kitchen',
    version: 1,
    name: 'Kitchens for local nonprofits',
    priority: 45,
    validFrom: '2027-01-01',
    conditions: {
      organisationKinds: ['voluntary', 'sports', 'study_association'],
      requireLocal: true,
      roomKinds: ['kitchen'],
    },
    effect: { waivePercent: 30 },
  },
];

/** Wall time in Oslo, '2027-03-30T18:00'. */
export function at(local: string): Date {
  const instant = parseInstant(local);
  if (!instant) throw new Error(`Not a local time: ${local}`);
  return instant;
}

export interface SubjectOverrides extends Partial<Omit<PricingSubject, 'organisation' | 'series'>> {
  organisation?: Partial<PricingSubject['organisation']>;
  series?: Partial<PricingSubject['series']>;
}

/** A local sports club's youth training in a school gym, Tuesday 2027-03-30 18:00–20:00, unless told. */
export function subject(overrides: SubjectOverrides = {}): PricingSubject {
  return {
    startsAt: at('2027-03-30T18:00'),
    endsAt: at('2027-03-30T20:00'),
    ageGroup: 'youth',
    chargesEntranceFee: false,
    building: { kind: 'school' },
    room: { kind: 'gym' },
    priceList: PRICE_LISTS.medium,
    ...overrides,
    organisation: {
      kind: 'sports',
      inFrivillighetsregisteret: true,
      municipalityNumber: HOME_MUNICIPALITY,
      ...overrides.organisation,
    },
    series: { repeating: false, first: true, ...overrides.series },
  };
}

/** A small seeded PRNG (mulberry32), so random cases repeat from run to run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)];

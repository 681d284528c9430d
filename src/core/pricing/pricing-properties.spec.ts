import { AGE_GROUPS, BUILDING_KINDS, ORGANISATION_KINDS, ROOM_KINDS } from '../domain';
import type { Weekday } from '../domain';
import { osloParts } from '../../common/time';
import { priceOccurrence } from './price-occurrence';
import { HOME_MUNICIPALITY, pick, seededRandom } from './pricing-fixtures';
import { CHARGE_KINDS } from './types';
import type { ChargeKind, ExemptionRule, PriceList, PricingSubject, RuleConditions } from './types';
import { validatePriceList, validateRule } from './validation';

const random = seededRandom(20270330);
const int = (max: number) => Math.floor(random() * max);
const chance = (p: number) => random() < p;
const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const someOf = <T>(items: readonly T[]): T[] => {
  const chosen = items.filter(() => chance(0.5));
  return chosen.length > 0 ? chosen : [pick(random, items)];
};
const DAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7];

function randomRule(i: number): ExemptionRule {
  const conditions: RuleConditions = {};
  if (chance(0.4)) conditions.organisationKinds = someOf(ORGANISATION_KINDS);
  if (chance(0.3)) conditions.requireFrivillighetsregisteret = true;
  if (chance(0.3)) conditions.requireLocal = true;
  if (chance(0.3)) conditions.ageGroups = someOf(AGE_GROUPS);
  if (chance(0.2)) conditions.buildingKinds = someOf(BUILDING_KINDS);
  if (chance(0.2)) conditions.roomKinds = someOf(ROOM_KINDS);
  if (chance(0.3)) conditions.weekdays = someOf(DAYS);
  const start = int(24 * 4) * 15;
  if (chance(0.2)) conditions.startsNotBefore = clock(start);
  if (chance(0.2)) conditions.endsNotAfter = clock(start + 15 + int((1440 - start) / 15) * 15);
  if (chance(0.3)) conditions.excludeEntranceFee = true;
  const from = 1 + int(28);
  return {
    id: `rule-${int(5)}`, // few ids, so ties on id happen and versions break them
    version: i,
    name: `Random ${i}`,
    priority: int(4),
    validFrom: `2027-0${1 + int(9)}-${String(from).padStart(2, '0')}`,
    validTo: chance(0.5) ? null : `2027-${10 + int(3)}-01`,
    conditions,
    effect: {
      waivePercent: pick(random, [0, 10, 25, 33, 50, 67, 99, 100]),
      waives: chance(0.5) ? undefined : someOf(CHARGE_KINDS),
    },
  };
}

function randomPriceList(): PriceList {
  const ore = () => int(200_000);
  return {
    hourlyOre: { nonprofit: ore(), public: ore(), commercial: ore(), private: ore() },
    fixedPerBookingOre: chance(0.5) ? { nonprofit: ore(), commercial: ore() } : undefined,
    fixedPerSeriesOre: chance(0.5) ? { nonprofit: ore(), private: ore() } : undefined,
    extras: [
      {
        kind: 'caretaker',
        hourlyOre: ore(),
        windows: [{ weekdays: someOf(DAYS), from: clock(int(12) * 60), to: clock(12 * 60 + int(13) * 60) }],
      },
      {
        kind: 'cleaning',
        hourlyOre: ore(),
        windows: [{ weekdays: someOf(DAYS), from: '20:00', to: '24:00' }],
      },
    ],
  };
}

function randomSubject(priceLists: PriceList[]): PricingSubject {
  // Any minute of 2027 (both clock changes included), 1 minute to 30 hours long, sometimes with seconds.
  const start = Date.UTC(2027, 0, 1) + int(365 * 1440) * 60_000 + (chance(0.1) ? int(60) * 1000 : 0);
  const repeating = chance(0.5);
  return {
    startsAt: new Date(start),
    endsAt: new Date(start + (1 + int(30 * 60)) * 60_000),
    series: { repeating, first: !repeating || chance(0.3) },
    organisation: {
      kind: pick(random, ORGANISATION_KINDS),
      inFrivillighetsregisteret: chance(0.6),
      municipalityNumber: pick(random, [HOME_MUNICIPALITY, '3207', null]),
    },
    ageGroup: pick(random, AGE_GROUPS),
    chargesEntranceFee: chance(0.2),
    building: { kind: pick(random, BUILDING_KINDS) },
    room: { kind: pick(random, ROOM_KINDS) },
    priceList: chance(0.05) ? null : pick(random, priceLists),
  };
}

const round = (n: bigint, d: bigint) => Number((2n * n + d) / (2n * d));
const rank = (r: ExemptionRule) => [r.priority, r.effect.waivePercent, r.id, r.version] as const;
const outranks = (a: ExemptionRule, b: ExemptionRule) => {
  const [pa, wa, ia, va] = rank(a);
  const [pb, wb, ib, vb] = rank(b);
  return pa !== pb ? pa > pb : wa !== wb ? wa > wb : ia !== ib ? ia < ib : va > vb;
};

describe('pricing properties over random cases (seeded)', () => {
  const rules = Array.from({ length: 12 }, (_, i) => randomRule(i));
  const priceLists = Array.from({ length: 4 }, randomPriceList);

  it('generates only valid rules and price lists', () => {
    for (const rule of rules) expect(validateRule(rule)).toEqual([]);
    for (const list of priceLists) expect(validatePriceList(list)).toEqual([]);
  });

  it('keeps list − waived = charged on every line, rounds as documented, and picks the best-ranked match', () => {
    let matched = 0;
    for (let i = 0; i < 3000; i++) {
      const s = randomSubject(priceLists);
      const fee = priceOccurrence(s, rules, { homeMunicipalityNumber: HOME_MUNICIPALITY });
      const byId = (id: string, version: number) => rules.find((r) => r.id === id && r.version === version)!;

      // The considered rules are exactly those valid on the Oslo start date.
      const date = osloParts(s.startsAt).date;
      const valid = rules.filter((r) => r.validFrom <= date && (!r.validTo || date <= r.validTo));
      expect(fee.explanation.considered.length).toBe(valid.length);

      // The applied rule is a match that no other match outranks.
      const matches = fee.explanation.considered
        .filter((e) => e.matched)
        .map((e) => byId(e.ruleId, e.ruleVersion));
      const winner = fee.explanation.applied
        ? byId(fee.explanation.applied.ruleId, fee.explanation.applied.ruleVersion)
        : null;
      expect(winner === null).toBe(matches.length === 0);
      if (winner) {
        matched++;
        for (const other of matches) if (other !== winner) expect(outranks(winner, other)).toBe(true);
      }

      let list = 0;
      let waived = 0;
      for (const line of fee.lines) {
        expect(Number.isSafeInteger(line.listOre) && Number.isSafeInteger(line.waivedOre)).toBe(true);
        expect(line.listOre - line.waivedOre).toBe(line.chargedOre);
        expect(line.waivedOre).toBeGreaterThanOrEqual(0);
        expect(line.waivedOre).toBeLessThanOrEqual(line.listOre);
        if (line.minutes !== undefined) {
          const ms = BigInt(Math.round(line.minutes * 60_000));
          expect(line.listOre).toBe(round(BigInt(line.rateOre!) * ms, 3_600_000n));
        }
        const waives: ChargeKind[] = winner?.effect.waives ?? ['rent'];
        const expected =
          winner && waives.includes(line.kind)
            ? round(BigInt(line.listOre) * BigInt(winner.effect.waivePercent), 100n)
            : 0;
        expect(line.waivedOre).toBe(expected);
        list += line.listOre;
        waived += line.waivedOre;
      }
      expect([fee.listOre, fee.waivedOre, fee.chargedOre]).toEqual([list, waived, list - waived]);
      const rent = fee.lines.find((l) => l.kind === 'rent');
      if (rent) expect(rent.minutes! * 60_000).toBe(s.endsAt.getTime() - s.startsAt.getTime());
      expect(fee.ruleId).toBe(s.priceList && winner ? winner.id : null);
    }
    expect(matched).toBeGreaterThan(300); // the random rules do match often enough to test the ranking
  });
});

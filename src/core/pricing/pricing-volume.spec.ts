import { AGE_GROUPS, BUILDING_KINDS, ORGANISATION_KINDS, ROOM_KINDS } from '../domain';
import { priceOccurrence } from './price-occurrence';
import { HOME_MUNICIPALITY, pick, PRICE_LISTS, seededRandom, TEN_RULES } from './pricing-fixtures';
import { compileRules } from './rules';
import type { PriceList, PricingSubject } from './types';

/** 200,000 occurrences of a year, as a simulation prices them; the time is measured outside the tests. */
function syntheticOccurrences(count: number, seed: number): PricingSubject[] {
  const random = seededRandom(seed);
  const withCaretaker: PriceList = {
    ...PRICE_LISTS.large,
    fixedPerSeriesOre: { nonprofit: 50000, commercial: 150000 },
    extras: [
      { kind: 'caretaker', hourlyOre: 35000, windows: [{ weekdays: [6, 7], from: '08:00', to: '22:00' }] },
    ],
  };
  const priceLists = [PRICE_LISTS.small, PRICE_LISTS.medium, PRICE_LISTS.large, withCaretaker, null];
  const year = Date.UTC(2027, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const start = year + Math.floor(random() * 365 * 96) * 15 * 60_000;
    const repeating = random() < 0.7;
    return {
      startsAt: new Date(start),
      endsAt: new Date(start + (1 + Math.floor(random() * 16)) * 15 * 60_000),
      series: { repeating, first: !repeating || i % 30 === 0 },
      organisation: {
        kind: pick(random, ORGANISATION_KINDS),
        inFrivillighetsregisteret: random() < 0.7,
        municipalityNumber: random() < 0.8 ? HOME_MUNICIPALITY : '3207',
      },
      ageGroup: pick(random, AGE_GROUPS),
      chargesEntranceFee: random() < 0.1,
      building: { kind: pick(random, BUILDING_KINDS) },
      room: { kind: pick(random, ROOM_KINDS) },
      priceList: pick(random, priceLists),
    };
  });
}

describe('pricing in volume', () => {
  it('prices 200,000 occurrences under ten rules, each balanced', () => {
    const rules = compileRules(TEN_RULES);
    const context = { homeMunicipalityNumber: HOME_MUNICIPALITY };
    let unbalanced = 0;
    let exempted = 0;
    for (const occurrence of syntheticOccurrences(200_000, 1)) {
      const fee = priceOccurrence(occurrence, rules, context);
      if (fee.listOre - fee.waivedOre !== fee.chargedOre || fee.waivedOre < 0 || fee.chargedOre < 0)
        unbalanced++;
      if (fee.waivedOre > 0) exempted++;
    }
    expect(unbalanced).toBe(0);
    expect(exempted).toBeGreaterThan(20_000); // the rules do apply: this is not pricing nothing fast
  });
});

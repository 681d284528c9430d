import { priceOccurrence, sumFees } from './price-occurrence';
import { at, AS_RULES, HOME_MUNICIPALITY, PRICE_LISTS, subject } from './pricing-fixtures';
import type { SubjectOverrides } from './pricing-fixtures';
import type { ExemptionRule, PriceList } from './types';

const context = { homeMunicipalityNumber: HOME_MUNICIPALITY };
const price = (overrides: SubjectOverrides, rules: ExemptionRule[] = AS_RULES) =>
  priceOccurrence(subject(overrides), rules, context);
const local = (from: string, to: string) => ({ startsAt: at(from), endsAt: at(to) });

const TUESDAY = local('2027-03-30T18:00', '2027-03-30T20:00');
const SATURDAY = local('2027-04-03T10:00', '2027-04-03T12:00');

describe('the Ås policy, case by case (medium room, 155 kr/h nonprofit, 2 hours)', () => {
  it.each<[string, SubjectOverrides, string | null, number, number]>([
    ['local sports club, youth, school, Tuesday evening', TUESDAY, 'free-youth', 31000, 0],
    [
      'local voluntary organisation, children, school classroom',
      { ageGroup: 'children', room: { kind: 'classroom' }, organisation: { kind: 'voluntary' } },
      'free-youth',
      31000,
      0,
    ],
    ['the same youth training on a Saturday', SATURDAY, 'half-local', 31000, 15500],
    [
      'not in Frivillighetsregisteret',
      { organisation: { inFrivillighetsregisteret: false } },
      'half-local',
      31000,
      15500,
    ],
    [
      'a club from Nordre Follo (not local)',
      { organisation: { municipalityNumber: '3207' } },
      null,
      31000,
      31000,
    ],
    ['no municipality given', { organisation: { municipalityNumber: null } }, null, 31000, 31000],
    [
      'a study association for youth',
      { organisation: { kind: 'study_association' } },
      'half-local',
      31000,
      15500,
    ],
    ['adults', { ageGroup: 'adults' }, 'half-local', 31000, 15500],
    [
      'seniors, voluntary',
      { ageGroup: 'seniors', organisation: { kind: 'voluntary' } },
      'half-local',
      31000,
      15500,
    ],
    [
      'youth in a culture house',
      { building: { kind: 'culture' }, room: { kind: 'hall' } },
      'half-local',
      31000,
      15500,
    ],
    [
      'youth in a sports hall on a Monday',
      { building: { kind: 'sports' }, ...local('2027-03-29T17:00', '2027-03-29T19:00') },
      'half-local',
      31000,
      15500,
    ],
    ['an event that charges entrance', { chargesEntranceFee: true }, null, 31000, 31000],
    ['a commercial renter (620 kr/h)', { organisation: { kind: 'commercial' } }, null, 124000, 124000],
    ['a public body', { organisation: { kind: 'public' } }, null, 31000, 31000],
    [
      'a private person (310 kr/h)',
      { organisation: { kind: 'private', inFrivillighetsregisteret: false } },
      null,
      62000,
      62000,
    ],
    [
      'a small room, 50 minutes, adults: half of 34.17 kr',
      { priceList: PRICE_LISTS.small, ageGroup: 'adults', ...local('2027-03-30T18:00', '2027-03-30T18:50') },
      'half-local',
      3417,
      1708,
    ],
    [
      'a large room, youth, Wednesday',
      { priceList: PRICE_LISTS.large, ...local('2027-03-31T17:00', '2027-03-31T19:00') },
      'free-youth',
      91600,
      0,
    ],
  ])('%s', (_name, overrides, ruleId, listOre, chargedOre) => {
    const fee = price(overrides);
    expect({ ruleId: fee.ruleId, listOre: fee.listOre, chargedOre: fee.chargedOre }).toEqual({
      ruleId,
      listOre,
      chargedOre,
    });
    expect(fee.waivedOre).toBe(listOre - chargedOre);
  });
});

describe('lines and amounts', () => {
  it('rounds each line once: 41 kr/h for 50 minutes is 3417 øre, 33 % of it 1128', () => {
    const rule: ExemptionRule = { ...AS_RULES[1], effect: { waivePercent: 33 } };
    const fee = price({ priceList: PRICE_LISTS.small, ...local('2027-03-30T18:00', '2027-03-30T18:50') }, [
      rule,
    ]);
    expect(fee.lines).toEqual([
      { kind: 'rent', listOre: 3417, waivedOre: 1128, chargedOre: 2289, rateOre: 4100, minutes: 50 },
    ]);
  });

  const withFixed: PriceList = {
    ...PRICE_LISTS.medium,
    fixedPerBookingOre: { nonprofit: 20000 },
    fixedPerSeriesOre: { nonprofit: 50000, commercial: 90000 },
  };

  it('charges the fixed fee per booking on a single booking', () => {
    const fee = price({ priceList: withFixed, organisation: { municipalityNumber: '0301' } });
    expect(fee.lines.map((l) => [l.kind, l.listOre, l.per])).toEqual([
      ['rent', 31000, undefined],
      ['fixed', 20000, 'booking'],
    ]);
    expect(fee.chargedOre).toBe(51000);
  });

  it('charges the fixed fee per series on the first occurrence of a repeating request only', () => {
    const first = price({ priceList: withFixed, series: { repeating: true, first: true } }, []);
    const later = price({ priceList: withFixed, series: { repeating: true, first: false } }, []);
    expect(first.lines.find((l) => l.kind === 'fixed')).toMatchObject({ listOre: 50000, per: 'series' });
    expect(later.lines.map((l) => l.kind)).toEqual(['rent']);
  });

  it('charges no fixed fee to a category the list has none for', () => {
    const fee = price({ priceList: withFixed, organisation: { kind: 'private' } }, []);
    expect(fee.lines.map((l) => l.kind)).toEqual(['rent']);
  });

  it('waives only the kinds of charge the rule names (rent by default)', () => {
    const rentOnly = price({ priceList: withFixed });
    expect(rentOnly.lines.map((l) => [l.kind, l.waivedOre])).toEqual([
      ['rent', 31000],
      ['fixed', 0],
    ]);
    const both: ExemptionRule = { ...AS_RULES[0], effect: { waivePercent: 100, waives: ['rent', 'fixed'] } };
    expect(price({ priceList: withFixed }, [both]).chargedOre).toBe(0);
  });

  const withCaretaker: PriceList = {
    ...PRICE_LISTS.medium,
    extras: [
      { kind: 'caretaker', hourlyOre: 30000, windows: [{ weekdays: [6, 7], from: '09:00', to: '15:00' }] },
      {
        kind: 'cleaning',
        hourlyOre: 12000,
        windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], from: '21:00', to: '24:00' }],
      },
    ],
  };

  it('charges a weekend caretaker for the minutes inside the window only', () => {
    const fee = price({ priceList: withCaretaker, ...local('2027-04-03T14:00', '2027-04-03T17:30') }, []);
    expect(fee.lines).toEqual([
      { kind: 'rent', listOre: 54250, waivedOre: 0, chargedOre: 54250, rateOre: 15500, minutes: 210 },
      { kind: 'caretaker', listOre: 30000, waivedOre: 0, chargedOre: 30000, rateOre: 30000, minutes: 60 },
    ]);
    expect(price({ priceList: withCaretaker }, []).lines.map((l) => l.kind)).toEqual(['rent']); // a Tuesday
  });

  it('prices an occurrence across midnight by its start for rules, and per local day for charge windows', () => {
    // Friday 22:00 → Saturday 01:00: weekday rule applies (it starts on a Friday); cleaning 22–24 Friday.
    const fee = price({ priceList: withCaretaker, ...local('2027-04-02T22:00', '2027-04-03T01:00') });
    expect(fee.ruleId).toBe('free-youth');
    expect(fee.lines.map((l) => [l.kind, l.minutes, l.listOre, l.chargedOre])).toEqual([
      ['rent', 180, 46500, 0],
      ['cleaning', 120, 24000, 24000],
    ]);
  });

  it('takes durations from the instants on the days the clocks change', () => {
    const spring = price(local('2027-03-28T01:00', '2027-03-28T04:00'), []);
    const autumn = price(local('2027-10-31T01:00', '2027-10-31T04:00'), []);
    expect([spring.lines[0].minutes, spring.listOre]).toEqual([120, 31000]);
    expect([autumn.lines[0].minutes, autumn.listOre]).toEqual([240, 62000]);
  });

  it('refuses an occurrence that does not end after it starts', () => {
    expect(() => price(local('2027-03-30T18:00', '2027-03-30T18:00'))).toThrow(RangeError);
  });

  it('sums fees', () => {
    const fees = [price(TUESDAY), price(SATURDAY), price({ organisation: { kind: 'commercial' } })];
    expect(sumFees(fees)).toEqual({ listOre: 186000, waivedOre: 46500, chargedOre: 139500 });
    expect(sumFees([])).toEqual({ listOre: 0, waivedOre: 0, chargedOre: 0 });
  });
});

describe('a room without a price list', () => {
  it('costs nothing, says so, and still tells which rule would have applied', () => {
    const fee = price({ priceList: null });
    expect(fee).toMatchObject({
      lines: [],
      listOre: 0,
      waivedOre: 0,
      chargedOre: 0,
      ruleId: null,
      ruleVersion: null,
    });
    expect(fee.explanation).toMatchObject({
      noPriceList: true,
      applied: { ruleId: 'free-youth', matched: true },
    });
    expect(fee.explanation.summary).toBe(
      "The room has no price list, so the booking costs nothing (rule 'Free for local youth' (v2) would waive 100 % of rent).",
    );
    expect(price({ priceList: null }, []).explanation.summary).toBe(
      'The room has no price list, so the booking costs nothing.',
    );
  });
});

describe('the explanation', () => {
  it('summarises a free booking in one sentence', () => {
    const fee = price(TUESDAY);
    expect(fee.explanation.renterCategory).toBe('nonprofit');
    expect(fee.explanation.summary).toBe(
      "Rent 2 h × 155.00 kr = 310.00 kr; 100 % waived by rule 'Free for local youth' (v2); charged 0.00 kr.",
    );
  });

  it('names the near miss when no rule applies', () => {
    expect(price({ organisation: { kind: 'commercial' } }).explanation.summary).toBe(
      "Rent 2 h × 620.00 kr = 1240.00 kr; no exemption rule applies ('Free for local youth' (v2) failed on organisationKinds); charged 1240.00 kr.",
    );
  });

  it('says which kinds a partial waiver covers', () => {
    const priceList: PriceList = { ...PRICE_LISTS.small, fixedPerBookingOre: { nonprofit: 10000 } };
    const fee = price({ priceList, ageGroup: 'adults', ...local('2027-03-30T18:00', '2027-03-30T19:30') });
    expect(fee.explanation.summary).toBe(
      "Rent 1 h 30 min × 41.00 kr = 61.50 kr, fixed fee per booking 100.00 kr; 50 % of rent waived by rule 'Half price for local nonprofits' (v1); charged 130.75 kr.",
    );
  });

  it('says when the applied rule waives nothing', () => {
    const blocker: ExemptionRule = {
      ...AS_RULES[1],
      id: 'entrance',
      name: 'Events with entrance pay',
      priority: 200,
      conditions: {},
      effect: { waivePercent: 0 },
    };
    const fee = price({}, [...AS_RULES, blocker]);
    expect(fee.ruleId).toBe('entrance');
    expect(fee.explanation.summary).toBe(
      "Rent 2 h × 155.00 kr = 310.00 kr; rule 'Events with entrance pay' (v1) applies and waives nothing; charged 310.00 kr.",
    );
  });
});

describe('a rule that waives none of the charges there are', () => {
  it('applies, waives nothing, and says so', () => {
    const caretakerOnly: ExemptionRule = {
      ...AS_RULES[0],
      effect: { waivePercent: 100, waives: ['caretaker'] },
    };
    const fee = price(TUESDAY, [caretakerOnly]);
    expect([fee.ruleId, fee.waivedOre]).toEqual(['free-youth', 0]);
    expect(fee.explanation.summary).toBe(
      "Rent 2 h × 155.00 kr = 310.00 kr; rule 'Free for local youth' (v2) applies and waives nothing; charged 310.00 kr.",
    );
  });
});

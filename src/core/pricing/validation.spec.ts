import { FREE_FOR_YOUTH, PRICE_LISTS } from './pricing-fixtures';
import type { PriceList } from './types';
import { validatePriceList, validateRule } from './validation';
import type { RuleInput } from './validation';

const base: RuleInput = {
  priority: 10,
  validFrom: '2027-01-01',
  validTo: null,
  conditions: {},
  effect: { waivePercent: 50 },
};
const problemsOf = (overrides: Partial<RuleInput>) => validateRule({ ...base, ...overrides });
// Wrong types, as untyped JSON could bring them.
const loose = <T>(value: unknown) => value as T;

describe('validateRule', () => {
  it('accepts the Ås rules and a rule without conditions', () => {
    expect(validateRule(FREE_FOR_YOUTH)).toEqual([]);
    expect(problemsOf({})).toEqual([]);
    expect(problemsOf({ conditions: { startsNotBefore: '17:00', endsNotAfter: '24:00' } })).toEqual([]);
  });

  it.each<[string, Parameters<typeof problemsOf>[0], RegExp]>([
    [
      'waivePercent 120',
      { effect: { waivePercent: 120 } },
      /effect\.waivePercent must be an integer from 0 to 100 \(was 120\)/,
    ],
    ['waivePercent -1', { effect: { waivePercent: -1 } }, /waivePercent/],
    ['waivePercent 12.5', { effect: { waivePercent: 12.5 } }, /waivePercent/],
    ['priority 1.5', { priority: 1.5 }, /priority must be an integer/],
    ['a bad validFrom', { validFrom: '2027-02-30' }, /validFrom must be a date/],
    [
      'validTo before validFrom',
      { validTo: '2026-12-31' },
      /validTo \(2026-12-31\) must not be before validFrom/,
    ],
    ['a bad validTo', { validTo: '31.12.2027' }, /validTo must be a date/],
    [
      'endsNotAfter before startsNotBefore',
      { conditions: { startsNotBefore: '18:00', endsNotAfter: '17:00' } },
      /endsNotAfter \(17:00\) must be after conditions\.startsNotBefore \(18:00\)/,
    ],
    [
      'endsNotAfter equal to startsNotBefore',
      { conditions: { startsNotBefore: '18:00', endsNotAfter: '18:00' } },
      /must be after/,
    ],
    [
      'startsNotBefore 24:00',
      { conditions: { startsNotBefore: '24:00' } },
      /startsNotBefore must be a time HH:MM from 00:00 to 23:59/,
    ],
    ['startsNotBefore 7:00', { conditions: { startsNotBefore: '7:00' } }, /startsNotBefore must be a time/],
    ['endsNotAfter 00:00', { conditions: { endsNotAfter: '00:00' } }, /would match nothing: use 24:00/],
    [
      'an empty list of weekdays',
      { conditions: { weekdays: [] } },
      /conditions\.weekdays is empty: an empty list would match nothing/,
    ],
    [
      'an empty list of organisation kinds',
      { conditions: { organisationKinds: [] } },
      /organisationKinds is empty/,
    ],
    [
      'weekday 8',
      { conditions: { weekdays: loose([1, 8]) } },
      /conditions\.weekdays\[1\]: 8 is not one of 1, 2, 3, 4, 5, 6, 7 \(1 = Monday … 7 = Sunday\)/,
    ],
    ['weekday 0', { conditions: { weekdays: loose([0]) } }, /weekdays\[0\]: 0 is not one of/],
    ['a weekday twice', { conditions: { weekdays: [2, 2] } }, /weekdays\[1\]: 2 is given twice/],
    [
      'an unknown organisation kind',
      { conditions: { organisationKinds: loose(['club']) } },
      /organisationKinds\[0\]: "club" is not one of voluntary/,
    ],
    ['an unknown age group', { conditions: { ageGroups: loose(['teens']) } }, /ageGroups\[0\]/],
    ['an unknown building kind', { conditions: { buildingKinds: loose(['church']) } }, /buildingKinds\[0\]/],
    ['an unknown room kind', { conditions: { roomKinds: loose(['pool']) } }, /roomKinds\[0\]/],
    ['weekdays not a list', { conditions: { weekdays: loose(3) } }, /weekdays must be a list/],
    [
      'requireLocal not a boolean',
      { conditions: { requireLocal: loose('yes') } },
      /requireLocal must be true or false/,
    ],
    [
      'an unknown condition',
      { conditions: loose({ membersOver: 10 }) },
      /conditions: unknown field membersOver/,
    ],
    [
      'an unknown kind of charge to waive',
      { effect: { waivePercent: 50, waives: loose(['rent', 'heating']) } },
      /effect\.waives\[1\]: "heating" is not one of rent, fixed, caretaker, cleaning/,
    ],
    [
      'an empty list of charges to waive',
      { effect: { waivePercent: 50, waives: [] } },
      /effect\.waives is empty/,
    ],
    ['no effect', { effect: loose(null) }, /effect must be an object/],
  ])('refuses %s', (_name, overrides, message) => {
    const problems = problemsOf(overrides);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('reports every problem, not just the first', () => {
    expect(
      problemsOf({ priority: loose('high'), effect: { waivePercent: 120 }, conditions: { weekdays: [] } }),
    ).toHaveLength(3);
  });
});

describe('validatePriceList', () => {
  const weekend = {
    kind: 'caretaker' as const,
    hourlyOre: 30000,
    windows: [{ weekdays: [6, 7] as (6 | 7)[], from: '09:00', to: '24:00' }],
  };

  it('accepts the example lists and one with fixed fees and extras', () => {
    for (const list of Object.values(PRICE_LISTS)) expect(validatePriceList(list)).toEqual([]);
    expect(
      validatePriceList({
        ...PRICE_LISTS.small,
        fixedPerBookingOre: { nonprofit: 0 },
        fixedPerSeriesOre: { commercial: 50000 },
        extras: [weekend],
      }),
    ).toEqual([]);
  });

  it.each<[string, unknown, RegExp]>([
    [
      'a negative rate',
      { hourlyOre: { ...PRICE_LISTS.small.hourlyOre, public: -1 } },
      /hourlyOre\.public must be a whole number of øre, 0 or more \(was -1\)/,
    ],
    [
      'a fractional rate',
      { hourlyOre: { ...PRICE_LISTS.small.hourlyOre, private: 41.5 } },
      /hourlyOre\.private/,
    ],
    [
      'a missing category',
      { hourlyOre: { nonprofit: 1, public: 1, commercial: 1 } },
      /hourlyOre\.private must be .* \(was missing\)/,
    ],
    [
      'an unknown category',
      { hourlyOre: { ...PRICE_LISTS.small.hourlyOre, student: 1 } },
      /hourlyOre: unknown field student/,
    ],
    [
      'a negative fixed fee',
      { ...PRICE_LISTS.small, fixedPerSeriesOre: { nonprofit: -5 } },
      /fixedPerSeriesOre\.nonprofit/,
    ],
    [
      'an unknown kind of extra',
      { ...PRICE_LISTS.small, extras: [{ ...weekend, kind: 'security' }] },
      /extras\[0\]\.kind must be one of caretaker, cleaning/,
    ],
    [
      'an extra without windows',
      { ...PRICE_LISTS.small, extras: [{ ...weekend, windows: [] }] },
      /extras\[0\]\.windows must be a non-empty list/,
    ],
    [
      'a window that ends before it starts',
      {
        ...PRICE_LISTS.small,
        extras: [{ ...weekend, windows: [{ weekdays: [6], from: '22:00', to: '02:00' }] }],
      },
      /from \(22:00\) must be before to \(02:00\); split a window across midnight in two/,
    ],
    [
      'a window from 24:00',
      {
        ...PRICE_LISTS.small,
        extras: [{ ...weekend, windows: [{ weekdays: [6], from: '24:00', to: '24:00' }] }],
      },
      /windows\[0\]\.from must be a time/,
    ],
    [
      'a window without weekdays',
      {
        ...PRICE_LISTS.small,
        extras: [{ ...weekend, windows: [{ weekdays: [], from: '09:00', to: '10:00' }] }],
      },
      /windows\[0\]\.weekdays is empty/,
    ],
    [
      'overlapping windows',
      {
        ...PRICE_LISTS.small,
        extras: [
          {
            ...weekend,
            windows: [
              { weekdays: [6], from: '09:00', to: '12:00' },
              { weekdays: [5, 6], from: '11:00', to: '13:00' },
            ],
          },
        ],
      },
      /windows\[1\] overlaps another window of extras\[0\] on weekday 6/,
    ],
    ['an unknown field', { ...PRICE_LISTS.small, discount: 5 }, /price list: unknown field discount/],
  ])('refuses %s', (_name, list, message) => {
    const problems = validatePriceList(list as PriceList);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });
});

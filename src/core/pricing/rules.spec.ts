import { priceOccurrence } from './price-occurrence';
import {
  at,
  FREE_FOR_YOUTH,
  HALF_FOR_LOCAL_NONPROFITS,
  HOME_MUNICIPALITY,
  subject,
} from './pricing-fixtures';
import type { SubjectOverrides } from './pricing-fixtures';
import { compileRules } from './rules';
import type { ExemptionRule } from './types';

const context = { homeMunicipalityNumber: HOME_MUNICIPALITY };

function rule(id: string, overrides: Partial<ExemptionRule> = {}): ExemptionRule {
  return {
    id,
    version: 1,
    name: `Rule ${id}`,
    priority: 10,
    validFrom: '2027-01-01',
    validTo: null,
    conditions: {},
    effect: { waivePercent: 50 },
    ...overrides,
  };
}

const winnerOf = (rules: ExemptionRule[], overrides: SubjectOverrides = {}) =>
  priceOccurrence(subject(overrides), rules, context);

describe('choosing the exemption rule', () => {
  it('applies the highest priority among the rules that match', () => {
    const fee = winnerOf([
      rule('low', { priority: 1, effect: { waivePercent: 100 } }),
      rule('high', { priority: 5 }),
    ]);
    expect(fee.ruleId).toBe('high');
    expect(fee.waivedOre).toBe(15500);
  });

  it('on equal priority, applies the larger waiver, then the smaller ruleId, whatever the input order', () => {
    const a = rule('a', { effect: { waivePercent: 20 } });
    const b = rule('b', { effect: { waivePercent: 80 } });
    const c = rule('c', { effect: { waivePercent: 80 } });
    for (const order of [
      [a, b, c],
      [c, b, a],
      [b, a, c],
    ]) {
      const fee = winnerOf(order);
      expect(fee.ruleId).toBe('b');
      expect(fee.explanation.considered.map((e) => e.ruleId)).toEqual(['b', 'c', 'a']);
    }
  });

  it('compares ruleIds by code unit, not by locale', () => {
    // Locale order would put 'a' before 'B'; code-unit order puts 'B' (66) first.
    expect(winnerOf([rule('a'), rule('B')]).ruleId).toBe('B');
  });

  it('on a full tie between two versions of one rule, applies the newer version', () => {
    const fee = winnerOf([rule('r', { version: 1 }), rule('r', { version: 3 })]);
    expect(fee.ruleVersion).toBe(3);
  });

  it('skips a higher-priority rule whose conditions fail, and names it as the near miss', () => {
    const fee = winnerOf([FREE_FOR_YOUTH, HALF_FOR_LOCAL_NONPROFITS], { ageGroup: 'adults' });
    expect(fee.ruleId).toBe('half-local');
    expect(fee.explanation.nearMiss).toMatchObject({
      ruleId: 'free-youth',
      matched: false,
      failed: { condition: 'ageGroups', expected: ['children', 'youth'], actual: 'adults' },
    });
    expect(fee.explanation.considered.map((e) => [e.ruleId, e.matched])).toEqual([
      ['free-youth', false],
      ['half-local', true],
    ]);
  });

  it('reports the version of the rule that priced the occurrence', () => {
    const fee = winnerOf([{ ...FREE_FOR_YOUTH, version: 7 }]);
    expect([fee.ruleId, fee.ruleVersion]).toEqual(['free-youth', 7]);
    expect(fee.explanation.applied).toMatchObject({ ruleId: 'free-youth', ruleVersion: 7, matched: true });
  });

  it('refuses two rules with the same id and version, and invalid rules', () => {
    expect(() => compileRules([rule('x'), rule('x')])).toThrow(/given twice/);
    expect(() => compileRules([rule('x', { effect: { waivePercent: 120 } })])).toThrow(/waivePercent/);
  });
});

describe('rule validity dates (the local start date counts)', () => {
  const on = (date: string, r: ExemptionRule) =>
    winnerOf([r], { startsAt: at(`${date}T18:00`), endsAt: at(`${date}T20:00`) });

  it('applies on validFrom and on validTo, inclusive', () => {
    const r = rule('r', { validFrom: '2027-04-06', validTo: '2027-04-08' });
    expect(on('2027-04-06', r).ruleId).toBe('r');
    expect(on('2027-04-08', r).ruleId).toBe('r');
  });

  it('does not apply the day after validTo nor the day before validFrom, and leaves it out of considered', () => {
    const r = rule('r', { validFrom: '2027-04-06', validTo: '2027-04-08' });
    for (const date of ['2027-04-05', '2027-04-09']) {
      const fee = on(date, r);
      expect(fee.ruleId).toBeNull();
      expect(fee.explanation.considered).toEqual([]);
    }
  });

  it('uses the Oslo date, not the UTC date', () => {
    // 00:30 on 2027-04-06 in Oslo is 22:30 UTC on 2027-04-05.
    const r = rule('r', { validFrom: '2027-04-06' });
    const fee = winnerOf([r], { startsAt: at('2027-04-06T00:30'), endsAt: at('2027-04-06T01:30') });
    expect(fee.ruleId).toBe('r');
  });
});

describe('reporting the condition that failed', () => {
  const only = (conditions: ExemptionRule['conditions'], overrides: SubjectOverrides = {}) =>
    winnerOf([rule('r', { conditions })], overrides).explanation.considered[0];

  it.each([
    ['organisationKinds', { organisationKinds: ['voluntary'] }, {}, ['voluntary'], 'sports'],
    [
      'requireFrivillighetsregisteret',
      { requireFrivillighetsregisteret: true },
      { organisation: { inFrivillighetsregisteret: false } },
      true,
      false,
    ],
    [
      'requireLocal',
      { requireLocal: true },
      { organisation: { municipalityNumber: '3207' } },
      HOME_MUNICIPALITY,
      '3207',
    ],
    [
      'requireLocal',
      { requireLocal: true },
      { organisation: { municipalityNumber: null } },
      HOME_MUNICIPALITY,
      null,
    ],
    ['ageGroups', { ageGroups: ['seniors'] }, {}, ['seniors'], 'youth'],
    ['buildingKinds', { buildingKinds: ['culture'] }, {}, ['culture'], 'school'],
    ['roomKinds', { roomKinds: ['hall'] }, {}, ['hall'], 'gym'],
    ['weekdays', { weekdays: [6, 7] }, {}, [6, 7], 2],
    ['startsNotBefore', { startsNotBefore: '18:30' }, {}, '18:30', '18:00'],
    ['endsNotAfter', { endsNotAfter: '19:00' }, {}, '19:00', '20:00'],
    ['excludeEntranceFee', { excludeEntranceFee: true }, { chargesEntranceFee: true }, false, true],
  ] as [string, ExemptionRule['conditions'], SubjectOverrides, unknown, unknown][])(
    'reports %s when it fails (%j)',
    (condition, conditions, overrides, expected, actual) => {
      expect(only(conditions, overrides)).toEqual({
        ruleId: 'r',
        ruleVersion: 1,
        name: 'Rule r',
        priority: 10,
        matched: false,
        failed: { condition, expected, actual },
      });
    },
  );

  it('reports the first failing condition in the documented order', () => {
    const evaluation = only(
      { weekdays: [6], ageGroups: ['adults'], organisationKinds: ['commercial'], excludeEntranceFee: true },
      { chargesEntranceFee: true },
    );
    expect(evaluation.failed?.condition).toBe('organisationKinds');
    expect(only({ weekdays: [6], ageGroups: ['adults'] }).failed?.condition).toBe('ageGroups');
  });

  it('matches at the boundaries: start exactly at startsNotBefore, end exactly at endsNotAfter', () => {
    expect(only({ startsNotBefore: '18:00', endsNotAfter: '20:00' }).matched).toBe(true);
    expect(only({ startsNotBefore: '18:01' }).matched).toBe(false);
    expect(only({ endsNotAfter: '19:59' }).matched).toBe(false);
  });

  it('counts an end after midnight as 24:00 or later for endsNotAfter', () => {
    const late = { startsAt: at('2027-03-30T22:00'), endsAt: at('2027-03-31T00:30') };
    expect(only({ endsNotAfter: '24:00' }, late).failed).toEqual({
      condition: 'endsNotAfter',
      expected: '24:00',
      actual: '24:30',
    });
    const toMidnight = { startsAt: at('2027-03-30T22:00'), endsAt: at('2027-03-31T00:00') };
    expect(only({ endsNotAfter: '24:00' }, toMidnight).matched).toBe(true);
    expect(only({ endsNotAfter: '23:00' }, toMidnight).failed?.actual).toBe('24:00');
  });

  it('reads weekday and clock in Oslo wall time, in summer and in winter', () => {
    // Saturday 2027-01-09 10:00 (UTC+1) and Saturday 2027-07-10 10:00 (UTC+2).
    for (const date of ['2027-01-09', '2027-07-10']) {
      const saturdayMorning = { startsAt: at(`${date}T10:00`), endsAt: at(`${date}T12:00`) };
      expect(
        only({ weekdays: [6], startsNotBefore: '10:00', endsNotAfter: '12:00' }, saturdayMorning).matched,
      ).toBe(true);
    }
  });
});

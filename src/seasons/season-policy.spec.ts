import { DEFAULT_POLICY, SeasonPolicy, TierFacts, tierOf } from './season-policy';

const AS = '3218';
const facts = (more: Partial<TierFacts>): TierFacts => ({
  kind: 'sports',
  inFrivillighetsregisteret: true,
  municipalityNumber: AS,
  ageGroup: 'children',
  ...more,
});

describe('the tier of an application', () => {
  it('follows the default order: local voluntary children and youth, youth, local adults, others', () => {
    expect(tierOf(DEFAULT_POLICY, facts({}), AS)).toBe(1);
    expect(tierOf(DEFAULT_POLICY, facts({ kind: 'voluntary', ageGroup: 'youth' }), AS)).toBe(1);
    expect(tierOf(DEFAULT_POLICY, facts({ municipalityNumber: '3207' }), AS)).toBe(2);
    expect(tierOf(DEFAULT_POLICY, facts({ kind: 'commercial' }), AS)).toBe(2);
    expect(tierOf(DEFAULT_POLICY, facts({ ageGroup: 'adults' }), AS)).toBe(3);
    expect(tierOf(DEFAULT_POLICY, facts({ ageGroup: 'seniors', municipalityNumber: null }), AS)).toBe(4);
  });

  it('puts an application no tier takes after all of them', () => {
    const policy: SeasonPolicy = {
      ...DEFAULT_POLICY,
      tiers: [{ name: 'Frivillighetsregisteret', conditions: { requireFrivillighetsregisteret: true } }],
    };
    expect(tierOf(policy, facts({}), AS)).toBe(1);
    expect(tierOf(policy, facts({ inFrivillighetsregisteret: false }), AS)).toBe(2);
  });
});

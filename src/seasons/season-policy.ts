import type { AgeGroup, OrganisationKind } from '../core/domain';

/** Conditions an application must meet to fall in a tier; a condition left out always holds. */
export interface TierConditions {
  organisationKinds?: OrganisationKind[];
  /** The organisation's municipality is the home municipality. */
  requireLocal?: boolean;
  requireFrivillighetsregisteret?: boolean;
  ageGroups?: AgeGroup[];
}

export interface PolicyTier {
  name: string;
  conditions: TierConditions;
}

/** How a season's applications are ranked: kept per season as data that staff edit. */
export interface SeasonPolicy {
  /** Highest priority first: tier 1 is the first that matches. */
  tiers: PolicyTier[];
  /** Within a tier, after the hours granted: keeping last season's slot, preference rank, fairness. */
  weights: { keepPrevious: number; preferenceRank: number; fairness: number };
  timeLimitSeconds: number;
}

/** Ås kommune's order: local children and youth first, then youth anywhere, then local adults, then others. */
export const DEFAULT_POLICY: SeasonPolicy = {
  tiers: [
    {
      name: 'Barn og unge i lokale frivillige organisasjoner',
      conditions: {
        organisationKinds: ['voluntary', 'sports', 'study_association'],
        requireLocal: true,
        ageGroups: ['children', 'youth'],
      },
    },
    { name: 'Barn og unge', conditions: { ageGroups: ['children', 'youth'] } },
    { name: 'Lokale voksne', conditions: { requireLocal: true } },
    { name: 'Andre', conditions: {} },
  ],
  weights: { keepPrevious: 4, preferenceRank: 1, fairness: 0.25 },
  timeLimitSeconds: 30,
};

export interface TierFacts {
  kind: OrganisationKind;
  inFrivillighetsregisteret: boolean;
  municipalityNumber: string | null;
  ageGroup: AgeGroup;
}

/**
 * The tier (1-based) of an application: the first whose conditions hold. An application no tier takes
 * comes after all of them, so a policy without a catch-all tier still ranks everyone.
 */
export function tierOf(policy: SeasonPolicy, facts: TierFacts, homeMunicipality: string): number {
  const index = policy.tiers.findIndex(({ conditions: c }) => {
    if (c.organisationKinds && !c.organisationKinds.includes(facts.kind)) return false;
    if (c.requireLocal && facts.municipalityNumber !== homeMunicipality) return false;
    if (c.requireFrivillighetsregisteret && !facts.inFrivillighetsregisteret) return false;
    if (c.ageGroups && !c.ageGroups.includes(facts.ageGroup)) return false;
    return true;
  });
  return index === -1 ? policy.tiers.length + 1 : index + 1;
}

export function tierName(policy: SeasonPolicy, tier: number): string {
  return policy.tiers[tier - 1]?.name ?? 'Other';
}

import type { PricingSubject } from './types';

/** What pricing reads of an organisation: its kind (renter category, kind conditions), Frivillighetsregisteret, municipality. */
export type PricedOrganisationFacts = PricingSubject['organisation'];

/**
 * The organisation's fields that fees depend on: every field of PricingSubject['organisation'], which is all
 * priceOccurrence and the rule conditions (organisationKinds, requireFrivillighetsregisteret, requireLocal)
 * and the renter category read. A change to one of them by the organisation itself needs staff to verify
 * it again. The type check below fails to compile when a field is added to the subject but not here.
 */
export const PRICED_ORGANISATION_FACTS = [
  'kind',
  'inFrivillighetsregisteret',
  'municipalityNumber',
] as const satisfies readonly (keyof PricedOrganisationFacts)[];

type Unlisted = Exclude<keyof PricedOrganisationFacts, (typeof PRICED_ORGANISATION_FACTS)[number]>;
// Compiles only while every field pricing reads is listed above.
const everyFactListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyFactListed;

export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/** The fields whose value differs between before and after, of those after names (old → new). */
export function fieldChanges<T extends object>(before: T, after: Partial<T>): FieldChanges {
  const changes: FieldChanges = {};
  for (const [key, to] of Object.entries(after)) {
    if (to === undefined) continue;
    const from = (before as Record<string, unknown>)[key] ?? null;
    if (from !== (to ?? null)) changes[key] = { from, to: to ?? null };
  }
  return changes;
}

/** Whether any of the changes touches a fact fees depend on. */
export const touchesPricedFacts = (changes: FieldChanges): boolean =>
  PRICED_ORGANISATION_FACTS.some((fact) => fact in changes);

/**
 * The pricing core: price lists, exemption rules and the fee of one occurrence. Pure: no Nest, no I/O.
 *
 * Rounding (one rule, everywhere): each fee line is computed from exact integers and rounded once to the
 * nearest whole øre, halves up: listOre = round(hourlyOre × minutes / 60), with the minutes taken from the
 * instants (endsAt − startsAt, so 23- and 25-hour days count right); waivedOre = round(listOre ×
 * waivePercent / 100); chargedOre = listOre − waivedOre. Hence list − waived = charged and
 * 0 ≤ waived ≤ list on every line, and the occurrence's totals are the sums of its lines.
 *
 * Ties: among the rules valid on the occurrence's Oslo start date whose conditions all hold, the highest
 * priority wins; on equal priority the larger waivePercent (most favourable to the organisation); then the
 * smaller ruleId by plain string comparison (code units, not locale); then the higher version. Overlapping
 * priorities are allowed: the outcome never depends on the order rules are given in.
 */
export * from './types';
export { compileRules, CompiledRules } from './rules';
export type { CompiledRule } from './rules';
export { priceOccurrence, sumFees } from './price-occurrence';
export { validatePriceList, validateRule } from './validation';
export type { RuleInput } from './validation';
export { formatKr, hourlyAmountOre, mulDivRound, percentOfOre } from './money';
export { fieldChanges, PRICED_ORGANISATION_FACTS, touchesPricedFacts } from './organisation-facts';
export type { FieldChanges, PricedOrganisationFacts } from './organisation-facts';

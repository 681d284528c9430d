import { CONDITION_ORDER, ExemptionRule, RuleConditions, RuleEffect, validateRule } from '../core/pricing';
import { formatInstant } from '../common/time';
import { CreateRuleDto, RuleConditionsDto, RuleEffectDto, RuleView } from './dto/exemption-rule.dto';
import { RuleRow } from './pricing-queries';

/** A rule as staff give it: everything but its identity. */
export type RuleFields = Omit<ExemptionRule, 'id' | 'version' | 'validTo'> & { validTo: string | null };

/** Only the conditions given, as a plain object (what is stored and what the core reads). */
export function plainConditions(dto: RuleConditionsDto): RuleConditions {
  return Object.fromEntries(
    CONDITION_ORDER.filter((key) => dto[key] !== undefined).map((key) => [key, dto[key]]),
  );
}

/** The effect with its default spelled out, so a stored rule reads the same everywhere. */
export const plainEffect = (dto: RuleEffectDto): RuleEffect => ({
  waivePercent: dto.waivePercent,
  waives: dto.waives ?? ['rent'],
});

export const ruleFields = (dto: CreateRuleDto): RuleFields => ({
  name: dto.name,
  priority: dto.priority,
  validFrom: dto.validFrom,
  validTo: dto.validTo ?? null,
  conditions: plainConditions(dto.conditions),
  effect: plainEffect(dto.effect),
});

/** What makes the rule meaningless, from the pricing core's validateRule; empty when it is fine. */
export const ruleProblems = (rule: RuleFields): string[] => validateRule(rule);

export const toRuleView = (r: RuleRow): RuleView => ({
  id: r.rule_id,
  version: r.version,
  name: r.name,
  priority: r.priority,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  conditions: r.conditions,
  effect: { waivePercent: r.effect.waivePercent, waives: r.effect.waives ?? ['rent'] },
  createdAt: formatInstant(r.created_at),
  createdBy: r.created_by,
});

import { formatClock, parseClock } from '../../common/time';
import { dayNumberOfDate, MS_PER_MINUTE } from './local-time';
import type { ChargeKind, ExemptionRule, FailedCondition, RuleEvaluation } from './types';
import { validateRule } from './validation';

/**
 * Exemption rules, compiled once into a ranked, pre-parsed form.
 *
 * Rank (and so the winner among matching rules): priority descending; on equal priority the larger
 * waivePercent first (the most favourable to the organisation); then ruleId ascending by plain string
 * (UTF-16 code unit) comparison, not locale; then the higher version first. The winner is the first
 * matching rule in this order, so the same rules and subject always give the same answer, whatever order
 * the rules came in.
 */
export interface CompiledRule {
  readonly rule: ExemptionRule;
  readonly fromDay: number;
  /** Inclusive; Infinity when open-ended. */
  readonly toDay: number;
  readonly waivePercent: number;
  readonly waives: Readonly<Record<ChargeKind, boolean>>;
  readonly organisationKinds: ReadonlySet<string> | null;
  readonly requireFrivillighetsregisteret: boolean;
  readonly requireLocal: boolean;
  readonly ageGroups: ReadonlySet<string> | null;
  readonly buildingKinds: ReadonlySet<string> | null;
  readonly roomKinds: ReadonlySet<string> | null;
  readonly weekdays: ReadonlySet<number> | null;
  /** ms since the local midnight of the start date, or null. */
  readonly startsNotBeforeMs: number | null;
  readonly endsNotAfterMs: number | null;
  readonly excludeEntranceFee: boolean;
  /** Shared, frozen: a match allocates nothing. */
  readonly matched: RuleEvaluation;
}

export class CompiledRules {
  constructor(readonly ranked: readonly CompiledRule[]) {}
}

/** Facts about one occurrence, in the form the conditions read them. */
export interface OccurrenceFacts {
  day: number;
  weekday: number;
  /** ms of the local start after the local midnight of the start date. */
  startMs: number;
  /** ms of the local end after the local midnight of the start date (past 24 h when it ends a day later). */
  endMs: number;
  organisationKind: string;
  inFrivillighetsregisteret: boolean;
  municipalityNumber: string | null;
  homeMunicipalityNumber: string;
  ageGroup: string;
  buildingKind: string;
  roomKind: string;
  chargesEntranceFee: boolean;
}

/** Validates and ranks the rules. Throws on an invalid rule or a repeated (id, version). */
export function compileRules(rules: readonly ExemptionRule[]): CompiledRules {
  const seen = new Set<string>();
  const compiled = rules.map((rule) => {
    const key = `${rule.id}\u0000${rule.version}`;
    if (seen.has(key)) throw new Error(`Exemption rule ${rule.id} v${rule.version} is given twice`);
    seen.add(key);
    const problems = validateRule(rule);
    if (problems.length > 0)
      throw new Error(`Exemption rule ${rule.id} v${rule.version} is invalid: ${problems.join('; ')}`);
    return compileRule(rule);
  });
  compiled.sort(compareRank);
  return new CompiledRules(compiled);
}

function compareRank(a: CompiledRule, b: CompiledRule): number {
  if (a.rule.priority !== b.rule.priority) return b.rule.priority - a.rule.priority;
  if (a.waivePercent !== b.waivePercent) return b.waivePercent - a.waivePercent;
  if (a.rule.id !== b.rule.id) return a.rule.id < b.rule.id ? -1 : 1;
  return b.rule.version - a.rule.version;
}

const setOf = <T>(list: readonly T[] | undefined): ReadonlySet<T> | null =>
  list === undefined ? null : new Set(list);

function compileRule(rule: ExemptionRule): CompiledRule {
  const c = rule.conditions;
  const waives = rule.effect.waives ?? ['rent'];
  const clockMs = (text: string | undefined) =>
    text === undefined ? null : parseClock(text)! * MS_PER_MINUTE;
  return {
    rule,
    fromDay: dayNumberOfDate(rule.validFrom),
    toDay: rule.validTo ? dayNumberOfDate(rule.validTo) : Infinity,
    waivePercent: rule.effect.waivePercent,
    waives: {
      rent: waives.includes('rent'),
      fixed: waives.includes('fixed'),
      caretaker: waives.includes('caretaker'),
      cleaning: waives.includes('cleaning'),
    },
    organisationKinds: setOf(c.organisationKinds),
    requireFrivillighetsregisteret: c.requireFrivillighetsregisteret === true,
    requireLocal: c.requireLocal === true,
    ageGroups: setOf(c.ageGroups),
    buildingKinds: setOf(c.buildingKinds),
    roomKinds: setOf(c.roomKinds),
    weekdays: setOf<number>(c.weekdays),
    startsNotBeforeMs: clockMs(c.startsNotBefore),
    endsNotAfterMs: clockMs(c.endsNotAfter),
    excludeEntranceFee: c.excludeEntranceFee === true,
    matched: Object.freeze({
      ruleId: rule.id,
      ruleVersion: rule.version,
      name: rule.name,
      priority: rule.priority,
      matched: true,
    }),
  };
}

export const isValidOn = (r: CompiledRule, day: number): boolean => day >= r.fromDay && day <= r.toDay;

/** The rule's evaluation on an occurrence valid for it: conditions checked in CONDITION_ORDER. */
export function evaluateRule(r: CompiledRule, f: OccurrenceFacts): RuleEvaluation {
  const c = r.rule.conditions;
  if (r.organisationKinds && !r.organisationKinds.has(f.organisationKind))
    return failure(r, 'organisationKinds', c.organisationKinds, f.organisationKind);
  if (r.requireFrivillighetsregisteret && !f.inFrivillighetsregisteret)
    return failure(r, 'requireFrivillighetsregisteret', true, false);
  if (r.requireLocal && f.municipalityNumber !== f.homeMunicipalityNumber)
    return failure(r, 'requireLocal', f.homeMunicipalityNumber, f.municipalityNumber);
  if (r.ageGroups && !r.ageGroups.has(f.ageGroup)) return failure(r, 'ageGroups', c.ageGroups, f.ageGroup);
  if (r.buildingKinds && !r.buildingKinds.has(f.buildingKind))
    return failure(r, 'buildingKinds', c.buildingKinds, f.buildingKind);
  if (r.roomKinds && !r.roomKinds.has(f.roomKind)) return failure(r, 'roomKinds', c.roomKinds, f.roomKind);
  if (r.weekdays && !r.weekdays.has(f.weekday)) return failure(r, 'weekdays', c.weekdays, f.weekday);
  if (r.startsNotBeforeMs !== null && f.startMs < r.startsNotBeforeMs)
    return failure(r, 'startsNotBefore', c.startsNotBefore, clockOf(f.startMs));
  if (r.endsNotAfterMs !== null && f.endMs > r.endsNotAfterMs)
    return failure(r, 'endsNotAfter', c.endsNotAfter, clockOf(f.endMs));
  if (r.excludeEntranceFee && f.chargesEntranceFee) return failure(r, 'excludeEntranceFee', false, true);
  return r.matched;
}

/** Local clock of a wall offset from the start date's midnight: '24:30' means 00:30 the next day. */
const clockOf = (ms: number): string => formatClock(Math.floor(ms / MS_PER_MINUTE));

function failure(
  r: CompiledRule,
  condition: FailedCondition,
  expected: unknown,
  actual: unknown,
): RuleEvaluation {
  return {
    ruleId: r.rule.id,
    ruleVersion: r.rule.version,
    name: r.rule.name,
    priority: r.rule.priority,
    matched: false,
    failed: { condition, expected, actual },
  };
}

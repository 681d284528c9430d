import { renterCategory } from '../domain';
import { summarise } from './explain';
import {
  compileWindows,
  dayNumberOfWall,
  MS_PER_DAY,
  msInsideWindows,
  toWallMs,
  weekdayOfDay,
} from './local-time';
import type { WeeklyWindows } from './local-time';
import { hourlyAmountOre, percentOfOre } from './money';
import { compileRules, CompiledRules, evaluateRule, isValidOn } from './rules';
import type { CompiledRule, OccurrenceFacts } from './rules';
import type {
  ChargeKind,
  ExemptionRule,
  ExtraKind,
  FeeLine,
  OccurrenceFee,
  PriceExtra,
  PricingContext,
  PricingSubject,
  RuleEvaluation,
} from './types';

/**
 * Prices one occurrence: its lines (rent, fixed fee, caretaker, cleaning) at list price, the exemption
 * rule that wins, and what that rule waives.
 *
 * Rounding: every line is rounded once to whole øre, halves up, from exact integers:
 *   listOre   = round(hourlyOre × minutes / 60)   (minutes from the instants, endsAt − startsAt)
 *   waivedOre = round(listOre × waivePercent / 100)
 *   chargedOre = listOre − waivedOre
 * so list − waived = charged and 0 ≤ waived ≤ list on every line; totals are sums of the lines.
 *
 * Winner: the first matching rule in rank order (see rules.ts): priority descending, then waivePercent
 * descending, then ruleId ascending, then version descending.
 *
 * Which rules count: those valid on the occurrence's local (Oslo) start date, validFrom ≤ date ≤ validTo.
 * Rules outside their validity are left out of `considered`: with versioned rules they would be mostly
 * old versions, noise rather than explanation.
 *
 * No price list: the occurrence costs 0 with no lines and no ruleId, but rules are still evaluated so the
 * explanation tells which rule would have applied.
 *
 * Speed: pass the result of compileRules(); a plain array is compiled once and cached by identity (its
 * elements are checked to be the same objects on each call). Price lists' charge windows are compiled
 * once per `extras` array. Rules and price lists are treated as immutable once priced.
 */
export function priceOccurrence(
  subject: PricingSubject,
  rules: readonly ExemptionRule[] | CompiledRules,
  context: PricingContext,
): OccurrenceFee {
  const startMs = subject.startsAt.getTime();
  const endMs = subject.endsAt.getTime();
  if (!(endMs > startMs)) throw new RangeError('An occurrence must end after it starts');
  const startWall = toWallMs(startMs);
  const day = dayNumberOfWall(startWall);
  const midnight = day * MS_PER_DAY;
  const facts: OccurrenceFacts = {
    day,
    weekday: weekdayOfDay(day),
    startMs: startWall - midnight,
    endMs: toWallMs(endMs) - midnight,
    organisationKind: subject.organisation.kind,
    inFrivillighetsregisteret: subject.organisation.inFrivillighetsregisteret,
    municipalityNumber: subject.organisation.municipalityNumber,
    homeMunicipalityNumber: context.homeMunicipalityNumber,
    ageGroup: subject.ageGroup,
    buildingKind: subject.building.kind,
    roomKind: subject.room.kind,
    chargesEntranceFee: subject.chargesEntranceFee,
  };

  const considered: RuleEvaluation[] = [];
  let winner: CompiledRule | null = null;
  let applied: RuleEvaluation | null = null;
  let nearMiss: RuleEvaluation | null = null;
  for (const rule of rankedRules(rules).ranked) {
    if (!isValidOn(rule, day)) continue;
    const evaluation = evaluateRule(rule, facts);
    considered.push(evaluation);
    if (winner !== null) continue;
    if (evaluation.matched) {
      winner = rule;
      applied = evaluation;
    } else if (nearMiss === null) nearMiss = evaluation;
  }

  const category = renterCategory(subject.organisation.kind);
  const priceList = subject.priceList;
  const lines: FeeLine[] = [];
  if (priceList !== null) {
    const rate = priceList.hourlyOre[category];
    if (typeof rate !== 'number') throw new Error(`The price list has no hourly rate for ${category}`);
    lines.push(hourlyLine('rent', rate, endMs - startMs, winner));
    const fixed = subject.series.repeating
      ? subject.series.first
        ? priceList.fixedPerSeriesOre?.[category]
        : undefined
      : priceList.fixedPerBookingOre?.[category];
    if (fixed !== undefined && fixed > 0)
      lines.push(
        withWaiver('fixed', fixed, winner, {
          rateOre: fixed,
          per: subject.series.repeating ? 'series' : 'booking',
        }),
      );
    if (priceList.extras !== undefined && priceList.extras.length > 0)
      for (const extra of compiledExtras(priceList.extras)) {
        const inside = msInsideWindows(startMs, endMs, extra.weekly);
        if (inside > 0) lines.push(hourlyLine(extra.kind, extra.hourlyOre, inside, winner));
      }
  }

  let listOre = 0;
  let waivedOre = 0;
  for (const line of lines) {
    listOre += line.listOre;
    waivedOre += line.waivedOre;
  }
  const chargedOre = listOre - waivedOre;
  const pricedBy = priceList !== null ? winner : null;
  return {
    lines,
    listOre,
    waivedOre,
    chargedOre,
    ruleId: pricedBy?.rule.id ?? null,
    ruleVersion: pricedBy?.rule.version ?? null,
    explanation: {
      noPriceList: priceList === null,
      renterCategory: category,
      applied,
      considered,
      nearMiss,
      summary: summarise(priceList === null, lines, winner, nearMiss, chargedOre),
    },
  };
}

export function sumFees(fees: readonly Pick<OccurrenceFee, 'listOre' | 'waivedOre' | 'chargedOre'>[]): {
  listOre: number;
  waivedOre: number;
  chargedOre: number;
} {
  let listOre = 0;
  let waivedOre = 0;
  let chargedOre = 0;
  for (const fee of fees) {
    listOre += fee.listOre;
    waivedOre += fee.waivedOre;
    chargedOre += fee.chargedOre;
  }
  return { listOre, waivedOre, chargedOre };
}

function hourlyLine(
  kind: ChargeKind,
  rateOre: number,
  durationMs: number,
  winner: CompiledRule | null,
): FeeLine {
  return withWaiver(kind, hourlyAmountOre(rateOre, durationMs), winner, {
    rateOre,
    minutes: durationMs / 60_000,
  });
}

function withWaiver(
  kind: ChargeKind,
  listOre: number,
  winner: CompiledRule | null,
  detail: Pick<FeeLine, 'rateOre' | 'minutes' | 'per'>,
): FeeLine {
  const waivedOre = winner !== null && winner.waives[kind] ? percentOfOre(listOre, winner.waivePercent) : 0;
  return { kind, listOre, waivedOre, chargedOre: listOre - waivedOre, ...detail };
}

const ruleCache = new WeakMap<
  readonly ExemptionRule[],
  { snapshot: ExemptionRule[]; compiled: CompiledRules }
>();

function rankedRules(rules: readonly ExemptionRule[] | CompiledRules): CompiledRules {
  if (rules instanceof CompiledRules) return rules;
  const cached = ruleCache.get(rules);
  if (cached !== undefined && sameItems(cached.snapshot, rules)) return cached.compiled;
  const compiled = compileRules(rules);
  ruleCache.set(rules, { snapshot: rules.slice(), compiled });
  return compiled;
}

interface CompiledExtra {
  source: PriceExtra;
  windows: PriceExtra['windows'];
  kind: ExtraKind;
  hourlyOre: number;
  weekly: WeeklyWindows;
}

const extrasCache = new WeakMap<readonly PriceExtra[], CompiledExtra[]>();

function compiledExtras(extras: readonly PriceExtra[]): CompiledExtra[] {
  const cached = extrasCache.get(extras);
  if (cached !== undefined && cached.length === extras.length && cached.every(isCurrent, extras))
    return cached;
  const compiled = extras.map((extra) => ({
    source: extra,
    windows: extra.windows,
    kind: extra.kind,
    hourlyOre: extra.hourlyOre,
    weekly: compileWindows(extra.windows),
  }));
  extrasCache.set(extras, compiled);
  return compiled;
}

/** Whether a compiled extra still mirrors the extra at its index (`this` is the extras array). */
function isCurrent(this: readonly PriceExtra[], c: CompiledExtra, i: number): boolean {
  const extra = this[i];
  return (
    c.source === extra &&
    c.windows === extra.windows &&
    c.kind === extra.kind &&
    c.hourlyOre === extra.hourlyOre
  );
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

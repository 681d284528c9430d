import { formatKr, formatMinutes } from './money';
import type { CompiledRule } from './rules';
import type { FeeLine, RuleEvaluation } from './types';

/** The one-sentence English summary of a priced occurrence. */
export function summarise(
  noPriceList: boolean,
  lines: readonly FeeLine[],
  winner: CompiledRule | null,
  nearMiss: RuleEvaluation | null,
  chargedOre: number,
): string {
  if (noPriceList) {
    const would = winner ? ` (rule ${ruleName(winner)} would waive ${waiverText(winner, null)})` : '';
    return `The room has no price list, so the booking costs nothing${would}.`;
  }
  let text = '';
  for (let i = 0; i < lines.length; i++) text += (i === 0 ? '' : ', ') + describeLine(lines[i], i === 0);
  if (winner === null) {
    text += '; no exemption rule applies';
    if (nearMiss) text += ` (${ruleName(nearMiss)} failed on ${nearMiss.failed!.condition})`;
  } else if (winner.waivePercent === 0 || !lines.some((line) => winner.waives[line.kind])) {
    text += `; rule ${ruleName(winner)} applies and waives nothing`;
  } else {
    text += `; ${waiverText(winner, lines)} waived by rule ${ruleName(winner)}`;
  }
  return `${text}; charged ${formatKr(chargedOre)}.`;
}

const LINE_NAMES = {
  rent: 'rent',
  fixed: 'fixed fee',
  caretaker: 'caretaker',
  cleaning: 'cleaning',
} as const;
const FIRST_LINE_NAMES = {
  rent: 'Rent',
  fixed: 'Fixed fee',
  caretaker: 'Caretaker',
  cleaning: 'Cleaning',
} as const;

function describeLine(line: FeeLine, first: boolean): string {
  const name = (first ? FIRST_LINE_NAMES : LINE_NAMES)[line.kind];
  if (line.kind === 'fixed') return `${name} per ${line.per ?? 'booking'} ${formatKr(line.listOre)}`;
  return `${name} ${formatMinutes(line.minutes ?? 0)} × ${formatKr(line.rateOre ?? 0)} = ${formatKr(line.listOre)}`;
}

/** '100 %' when the rule waives every kind of line there is, else '50 % of rent and caretaker'. */
function waiverText(winner: CompiledRule, lines: readonly FeeLine[] | null): string {
  const percent = `${winner.waivePercent} %`;
  const kinds = winner.rule.effect.waives ?? ['rent'];
  if (lines !== null && lines.every((line) => winner.waives[line.kind])) return percent;
  return `${percent} of ${kinds.map((kind) => LINE_NAMES[kind]).join(' and ')}`;
}

function ruleName(rule: CompiledRule | RuleEvaluation): string {
  const [name, version] =
    'rule' in rule ? [rule.rule.name, rule.rule.version] : [rule.name, rule.ruleVersion];
  return `'${name}' (v${version})`;
}

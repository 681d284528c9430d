import { AGE_GROUPS, BUILDING_KINDS, ORGANISATION_KINDS, RENTER_CATEGORIES, ROOM_KINDS } from '../domain';
import { isSupportedDate, parseClock } from '../../common/time';
import type { ExemptionRule, PriceList } from './types';
import { CHARGE_KINDS, CONDITION_ORDER, EXTRA_KINDS } from './types';

/**
 * Checks of rules and price lists as staff enter them (or as JSON hands them over), so that pricing can
 * trust its input. Each problem is one message naming the field; an empty array means valid.
 */
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export type RuleInput = Pick<ExemptionRule, 'priority' | 'validFrom' | 'validTo' | 'conditions' | 'effect'>;

export function validateRule(input: RuleInput): string[] {
  const problems: string[] = [];
  if (!Number.isSafeInteger(input.priority))
    problems.push(`priority must be an integer (was ${show(input.priority)})`);
  const fromOk = isDate(input.validFrom);
  if (!fromOk) problems.push(`validFrom must be a date YYYY-MM-DD (was ${show(input.validFrom)})`);
  if (input.validTo !== undefined && input.validTo !== null) {
    if (!isDate(input.validTo))
      problems.push(`validTo must be a date YYYY-MM-DD or null (was ${show(input.validTo)})`);
    else if (fromOk && input.validTo < input.validFrom)
      problems.push(`validTo (${input.validTo}) must not be before validFrom (${input.validFrom})`);
  }
  checkConditions(input.conditions, problems);
  checkEffect(input.effect, problems);
  return problems;
}

function checkConditions(conditions: unknown, problems: string[]): void {
  if (!isObject(conditions)) {
    problems.push('conditions must be an object');
    return;
  }
  unknownKeys(conditions, CONDITION_ORDER, 'conditions', problems);
  const c = conditions as Record<string, unknown>;
  checkList(c.organisationKinds, 'conditions.organisationKinds', ORGANISATION_KINDS, problems);
  checkList(c.ageGroups, 'conditions.ageGroups', AGE_GROUPS, problems);
  checkList(c.buildingKinds, 'conditions.buildingKinds', BUILDING_KINDS, problems);
  checkList(c.roomKinds, 'conditions.roomKinds', ROOM_KINDS, problems);
  checkList(c.weekdays, 'conditions.weekdays', WEEKDAYS, problems, ' (1 = Monday … 7 = Sunday)');
  for (const key of ['requireFrivillighetsregisteret', 'requireLocal', 'excludeEntranceFee'] as const)
    if (c[key] !== undefined && typeof c[key] !== 'boolean')
      problems.push(`conditions.${key} must be true or false (was ${show(c[key])})`);

  const start = clock(c.startsNotBefore, 'conditions.startsNotBefore', false, problems);
  const end = clock(c.endsNotAfter, 'conditions.endsNotAfter', true, problems);
  if (end === 0) problems.push('conditions.endsNotAfter 00:00 would match nothing: use 24:00 for midnight');
  if (start !== null && end !== null && end <= start)
    problems.push(
      `conditions.endsNotAfter (${String(c.endsNotAfter)}) must be after conditions.startsNotBefore (${String(c.startsNotBefore)})`,
    );
}

function checkEffect(effect: unknown, problems: string[]): void {
  if (!isObject(effect)) {
    problems.push('effect must be an object');
    return;
  }
  unknownKeys(effect, ['waivePercent', 'waives'], 'effect', problems);
  const e = effect as Record<string, unknown>;
  const percent = e.waivePercent;
  if (!Number.isInteger(percent) || (percent as number) < 0 || (percent as number) > 100)
    problems.push(`effect.waivePercent must be an integer from 0 to 100 (was ${show(percent)})`);
  checkList(e.waives, 'effect.waives', CHARGE_KINDS, problems);
}

export function validatePriceList(p: PriceList): string[] {
  const problems: string[] = [];
  if (!isObject(p)) return ['the price list must be an object'];
  unknownKeys(p, ['hourlyOre', 'fixedPerBookingOre', 'fixedPerSeriesOre', 'extras'], 'price list', problems);
  if (!isObject(p.hourlyOre))
    problems.push('hourlyOre must be an object with a rate for each renter category');
  else {
    unknownKeys(p.hourlyOre, RENTER_CATEGORIES, 'hourlyOre', problems);
    for (const category of RENTER_CATEGORIES)
      amount(p.hourlyOre[category], `hourlyOre.${category}`, problems);
  }
  for (const key of ['fixedPerBookingOre', 'fixedPerSeriesOre'] as const) {
    const fees: unknown = p[key];
    if (fees === undefined) continue;
    if (!isObject(fees)) {
      problems.push(`${key} must be an object by renter category`);
      continue;
    }
    unknownKeys(fees, RENTER_CATEGORIES, key, problems);
    for (const [category, value] of Object.entries(fees))
      if (value !== undefined) amount(value, `${key}.${category}`, problems);
  }
  if (p.extras !== undefined) {
    if (!Array.isArray(p.extras)) problems.push('extras must be a list');
    else p.extras.forEach((extra, i) => checkExtra(extra, `extras[${i}]`, problems));
  }
  return problems;
}

function checkExtra(extra: unknown, path: string, problems: string[]): void {
  if (!isObject(extra)) {
    problems.push(`${path} must be an object`);
    return;
  }
  unknownKeys(extra, ['kind', 'hourlyOre', 'windows'], path, problems);
  const e = extra as Record<string, unknown>;
  if (!(EXTRA_KINDS as readonly unknown[]).includes(e.kind))
    problems.push(`${path}.kind must be one of ${EXTRA_KINDS.join(', ')} (was ${show(e.kind)})`);
  amount(e.hourlyOre, `${path}.hourlyOre`, problems);
  if (!Array.isArray(e.windows) || e.windows.length === 0) {
    problems.push(`${path}.windows must be a non-empty list: without windows the charge never applies`);
    return;
  }
  const taken: [number, number, number][] = []; // weekday, from, to: to find overlaps
  e.windows.forEach((window: unknown, i) => {
    const at = `${path}.windows[${i}]`;
    if (!isObject(window)) {
      problems.push(`${at} must be an object`);
      return;
    }
    unknownKeys(window, ['weekdays', 'from', 'to'], at, problems);
    const w = window as Record<string, unknown>;
    const daysOk = checkList(
      w.weekdays,
      `${at}.weekdays`,
      WEEKDAYS,
      problems,
      ' (1 = Monday … 7 = Sunday)',
      true,
    );
    const from = clock(w.from, `${at}.from`, false, problems, true);
    const to = clock(w.to, `${at}.to`, true, problems, true);
    if (from === null || to === null) return;
    if (from >= to) {
      problems.push(
        `${at}: from (${String(w.from)}) must be before to (${String(w.to)}); split a window across midnight in two`,
      );
      return;
    }
    if (!daysOk) return;
    for (const day of w.weekdays as number[]) {
      if (taken.some(([d, f, t]) => d === day && from < t && f < to))
        problems.push(
          `${at} overlaps another window of ${path} on weekday ${day}: the minutes would be counted once`,
        );
      taken.push([day, from, to]);
    }
  });
}

/** A list condition: absent is fine; present must be a non-empty list of distinct allowed values. */
function checkList(
  value: unknown,
  path: string,
  allowed: readonly unknown[],
  problems: string[],
  hint = '',
  required = false,
): boolean {
  if (value === undefined && !required) return true;
  if (!Array.isArray(value)) {
    problems.push(`${path} must be a list`);
    return false;
  }
  if (value.length === 0) {
    problems.push(`${path} is empty: an empty list would match nothing; leave it out to match any`);
    return false;
  }
  const before = problems.length;
  value.forEach((item: unknown, i) => {
    if (!allowed.includes(item))
      problems.push(`${path}[${i}]: ${show(item)} is not one of ${allowed.join(', ')}${hint}`);
    else if (value.indexOf(item) !== i) problems.push(`${path}[${i}]: ${show(item)} is given twice`);
  });
  return problems.length === before;
}

/** A clock 'HH:MM' as minutes, or null (absent or bad). '24:00' only where a time ends something. */
function clock(
  value: unknown,
  path: string,
  endOfDay: boolean,
  problems: string[],
  required = false,
): number | null {
  if (value === undefined && !required) return null;
  const minutes = typeof value === 'string' ? parseClock(value) : null;
  if (minutes === null || (minutes === 1440 && !endOfDay)) {
    problems.push(
      `${path} must be a time HH:MM from 00:00 to ${endOfDay ? '24:00' : '23:59'} (was ${show(value)})`,
    );
    return null;
  }
  return minutes;
}

function amount(value: unknown, path: string, problems: string[]): void {
  if (!Number.isSafeInteger(value) || (value as number) < 0)
    problems.push(`${path} must be a whole number of øre, 0 or more (was ${show(value)})`);
}

function unknownKeys(object: object, known: readonly string[], path: string, problems: string[]): void {
  for (const key of Object.keys(object))
    if (!known.includes(key)) problems.push(`${path}: unknown field ${key}`);
}

const isObject = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A date frirom can price: a real calendar date in the supported years. */
const isDate = (value: unknown): value is string => typeof value === 'string' && isSupportedDate(value);

/** A value as it came, for messages; JSON.stringify gives undefined for functions and symbols. */
function show(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value) ?? typeof value;
}

import type { components } from '../api/schema';
import { formatDay } from '../i18n/format';
import type { Lang, MessageKey, T } from '../i18n/i18n';

export type PublicRule = components['schemas']['PublicRuleView'];

function list(items: string[], t: T, word: 'list.and' | 'list.or' = 'list.or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${t(word)} ${items[items.length - 1]}`;
}

/**
 * An exemption rule in plain words: "Gratis for Idrettslag, registrert i Frivillighetsregisteret, når
 * aktiviteten er for barn (til 12 år), på mandag eller tirsdag, fra kl. 17:00".
 */
export function describeRule(rule: PublicRule, t: T, lang: Lang): string {
  const c = rule.conditions;
  const e = rule.effect;
  const what = list(
    (e.waives ?? ['rent']).map((w) => t(`charge.${w}` as MessageKey)),
    t,
    'list.and',
  );
  const head =
    e.waivePercent >= 100
      ? t('rule.free')
      : e.waivePercent <= 0
        ? t('rule.full')
        : t('rule.percent', { percent: e.waivePercent, what });
  const parts: string[] = [];
  parts.push(
    c.organisationKinds?.length
      ? t('rule.for', {
          who: list(
            c.organisationKinds.map((k) => t(`orgKind.${k}` as MessageKey)),
            t,
          ),
        })
      : t('rule.anyone'),
  );
  if (c.requireFrivillighetsregisteret) parts.push(t('rule.registered'));
  if (c.requireLocal) parts.push(t('rule.local'));
  if (c.ageGroups?.length)
    parts.push(
      t('rule.ages', {
        ages: list(
          c.ageGroups.map((a) => t(`ageGroup.${a}` as MessageKey)),
          t,
        ),
      }),
    );
  if (c.buildingKinds?.length)
    parts.push(
      t('rule.buildings', {
        kinds: list(
          c.buildingKinds.map((k) => t(`buildingKind.${k}` as MessageKey)),
          t,
        ),
      }),
    );
  if (c.roomKinds?.length)
    parts.push(
      t('rule.rooms', {
        kinds: list(
          c.roomKinds.map((k) => t(`roomKind.${k}` as MessageKey).toLowerCase()),
          t,
        ),
      }),
    );
  if (c.weekdays?.length)
    parts.push(
      t('rule.days', {
        days: list(
          c.weekdays.map((d) => t(`weekday.${d}` as MessageKey)),
          t,
        ),
      }),
    );
  if (c.startsNotBefore) parts.push(t('rule.from', { time: c.startsNotBefore }));
  if (c.endsNotAfter) parts.push(t('rule.until', { time: c.endsNotAfter }));
  if (c.excludeEntranceFee) parts.push(t('rule.noEntrance'));
  if (rule.validTo) parts.push(t('rule.validTo', { date: formatDay(rule.validTo, lang) }));
  return `${head} ${parts.join(', ')}.`;
}

/** The rules that can apply in a room of this kind in a building of this kind. */
export function rulesFor(
  rules: PublicRule[],
  roomKind: string,
  buildingKind: string | undefined,
): PublicRule[] {
  return rules.filter(
    (r) =>
      (!r.conditions.roomKinds?.length || r.conditions.roomKinds.includes(roomKind as never)) &&
      (!buildingKind ||
        !r.conditions.buildingKinds?.length ||
        r.conditions.buildingKinds.includes(buildingKind as never)),
  );
}

/** Who can have it free, in short: "Idrettslag eller Frivillig organisasjon" (from the 100 % rules). */
export function freeFor(rules: PublicRule[], t: T): string | null {
  const free = rules.filter((r) => r.effect.waivePercent >= 100);
  if (free.length === 0) return null;
  const kinds = new Set<string>();
  for (const r of free) for (const k of r.conditions.organisationKinds ?? ['*']) kinds.add(k);
  if (kinds.has('*')) return t('rule.anyone');
  return list(
    [...kinds].map((k) => t(`orgKind.${k}` as MessageKey)),
    t,
  );
}

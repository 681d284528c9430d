import { type ApiClient, need } from '../api/client';
import type { RuleDraft } from '../components/rule-form';
import { addDays, osloToday } from './week';

/** The last twelve months, up to yesterday: the period a draft rule is tried on. */
export function lastTwelveMonths(today = osloToday()): { from: string; to: string } {
  const to = addDays(today, -1);
  return { from: addDays(to, -364), to };
}

/**
 * What the rules would have done to the last twelve months with the draft in place: the current rule
 * set with the draft instead of the rule it edits (`id`), or added to it. POST /fees/simulate compares
 * that set with today's rules over the same bookings.
 */
export async function simulateDraft(client: ApiClient, draft: RuleDraft, id?: string) {
  const current = await client.GET('/exemption-rules', { params: { query: { limit: 500 } } }).then(need);
  const rules = current.items
    .filter((r) => r.id !== id)
    .map((r) => ({
      id: r.id,
      name: r.name,
      priority: r.priority,
      validFrom: r.validFrom,
      validTo: r.validTo,
      conditions: r.conditions,
      effect: r.effect,
    }));
  rules.push({ ...draft, ...(id ? { id } : {}) } as (typeof rules)[number]);
  return client.POST('/fees/simulate', { body: { ...lastTwelveMonths(), rules, includePending: false } });
}

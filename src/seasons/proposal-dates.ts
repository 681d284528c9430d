import { EntityManager } from 'typeorm';
import type { Round } from './allocation-input';
import { bookedTime } from './booked-time';
import type { ProposedDates } from './proposal';
import { planDates } from './season-dates';

/**
 * What each granted alternative would give over the season's dates: how many occurrences, and which
 * dates the venue rules close or approved bookings outside the season already hold (listed, with why).
 */
export async function proposedDates(
  m: EntityManager,
  round: Round,
  granted: Map<string, number[]>,
): Promise<Map<string, ProposedDates[]>> {
  const plans = [...granted].flatMap(([requestId, indices]) => {
    const app = round.applications.find((a) => a.requestId === requestId);
    return app
      ? indices.map((k) => {
          const p = app.preferences[k];
          const calendar = round.calendars.get(p.roomId);
          const plan = calendar ? planDates(round.season, p, calendar) : { dates: [], skipped: [] };
          return { requestId, k, roomId: p.roomId, plan };
        })
      : [];
  });
  const slots = plans.flatMap((x) => x.plan.dates.map((d) => ({ roomId: x.roomId, ...d })));
  const booked = await bookedTime(m, round.season.id, slots);
  const out = new Map<string, ProposedDates[]>();
  let i = 0;
  for (const { requestId, k, plan } of plans) {
    const skipped = [...plan.skipped];
    let occurrences = 0;
    for (const d of plan.dates) {
      if (booked.has(i++)) skipped.push({ date: d.date, reason: 'booked' });
      else occurrences += 1;
    }
    skipped.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    out.set(requestId, [...(out.get(requestId) ?? []), { preferenceIndex: k, occurrences, skipped }]);
  }
  return out;
}

import { formatClock } from '../../common/time';
import { compareIds } from './greedy';
import { Occupancy, Problem } from './problem';
import { ApplicationResult, Reason, Slot } from './types';

const DAYS = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export const describeSlot = (slot: Slot): string =>
  `${slot.roomId}, ${DAYS[slot.weekday]} ${formatClock(slot.start)}–${formatClock(slot.end)}`;

/**
 * Why each alternative of each application was or was not granted. For an alternative that was left
 * out, a clash with another application's granted session comes first (the highest-tier holder, then
 * the smallest id, is named), then the application's own session that day, then "not needed".
 */
export function explainAll(problem: Problem, chosen: number[]): ApplicationResult[] {
  const occupancy = new Occupancy(problem.candidates);
  const isChosen = new Set(chosen);
  chosen.forEach((c) => occupancy.add(c));
  const results = problem.apps.map((app, a) => {
    const candidateAt = new Map(problem.byApp[a].map((c) => [problem.candidates[c].alt, c]));
    const grantedDays = new Set(
      problem.byApp[a].filter((c) => isChosen.has(c)).map((c) => problem.candidates[c].weekday),
    );
    const reasons = app.alternatives.map((slot, k): Reason => {
      const excluded = problem.excluded[a][k];
      if (excluded) return excluded;
      const c = candidateAt.get(k)!;
      if (isChosen.has(c)) return { kind: 'granted', alternativeIndex: k };
      const holder = occupancy
        .holders(c)
        .map((h) => problem.candidates[h].app)
        .filter((other) => other !== a)
        .sort(
          (x, y) =>
            problem.apps[x].tier - problem.apps[y].tier || compareIds(problem.apps[x].id, problem.apps[y].id),
        )[0];
      if (holder !== undefined) {
        const { id, tier } = problem.apps[holder];
        return { kind: 'held_by', alternativeIndex: k, applicationId: id, tier };
      }
      if (grantedDays.has(slot.weekday)) return { kind: 'same_weekday_as_own_session', alternativeIndex: k };
      // Allocations are maximal (every result is completed greedily), so a free alternative on a free
      // day is left out only because the application has all its sessions.
      return { kind: 'not_needed', alternativeIndex: k };
    });
    const granted = reasons.filter((r) => r.kind === 'granted').map((r) => r.alternativeIndex);
    return {
      applicationId: app.id,
      granted,
      reasons,
      explanation: sentence(app.alternatives, reasons, app.sessionsPerWeek),
    };
  });
  return results.sort((x, y) => compareIds(x.applicationId, y.applicationId));
}

const numbered = (indices: number[]): string => {
  const ones = indices.map((k) => String(k + 1));
  return ones.length === 1 ? ones[0] : `${ones.slice(0, -1).join(', ')} and ${ones[ones.length - 1]}`;
};

/** One English sentence; alternatives are numbered from 1 as the applicant listed them. */
export function sentence(alternatives: Slot[], reasons: Reason[], sessionsPerWeek: number): string {
  const granted = reasons.filter((r) => r.kind === 'granted').map((r) => r.alternativeIndex);
  const notes = reasons.flatMap((r): string[] => {
    const which = `alternative ${r.alternativeIndex + 1} (${describeSlot(alternatives[r.alternativeIndex])})`;
    switch (r.kind) {
      case 'held_by':
        return [`${which} is held by tier-${r.tier} application ${r.applicationId}`];
      case 'outside_opening_hours':
        return [`${which} is outside the room's opening hours`];
      case 'unknown_room':
        return [`${which} is in an unknown room`];
      case 'same_weekday_as_own_session':
        return [`${which} is on the same weekday as a granted session`];
      case 'granted':
      case 'not_needed':
        return [];
    }
  });
  let head = 'Not granted';
  if (granted.length > 0) {
    head = `Granted alternative${granted.length > 1 ? 's' : ''} ${numbered(granted)}`;
    if (granted.length < sessionsPerWeek) head += ` (${granted.length} of ${sessionsPerWeek} sessions)`;
  }
  return notes.length > 0 ? `${head}: ${notes.join('; ')}.` : `${head}.`;
}

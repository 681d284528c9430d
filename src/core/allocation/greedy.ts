import { Occupancy, Problem } from './problem';

/**
 * The value of an allocation, compared lexicographically: minutes granted per tier (aligned with
 * `problem.tiers`, highest priority first), then the secondary score.
 */
export interface Value {
  minutesByTier: number[];
  score: number;
}

export function evaluate(problem: Problem, chosen: Iterable<number>): Value {
  const minutesByTier = problem.tiers.map(() => 0);
  let score = 0;
  for (const c of chosen) {
    const cand = problem.candidates[c];
    minutesByTier[problem.tiers.indexOf(cand.tier)] += cand.minutes;
    score += cand.score;
  }
  return { minutesByTier, score };
}

/** > 0 when a is better than b. Scores within a relative 1e-9 count as equal (float sums). */
export function compareValues(a: Value, b: Value): number {
  for (let t = 0; t < a.minutesByTier.length; t++) {
    if (a.minutesByTier[t] !== b.minutesByTier[t]) return a.minutesByTier[t] - b.minutesByTier[t];
  }
  const tolerance = 1e-9 * Math.max(1, Math.abs(a.score), Math.abs(b.score));
  return Math.abs(a.score - b.score) <= tolerance ? 0 : a.score - b.score;
}

/** Greedy's order of applications: by tier, then best secondary score, then id. */
export function greedyOrder(problem: Problem, apps: number[]): number[] {
  const best = (a: number): number =>
    Math.max(-Infinity, ...problem.byApp[a].map((c) => problem.candidates[c].score));
  const bestOf = new Map(apps.map((a) => [a, best(a)]));
  return [...apps].sort(
    (x, y) =>
      problem.apps[x].tier - problem.apps[y].tier ||
      bestOf.get(y)! - bestOf.get(x)! ||
      compareIds(problem.apps[x].id, problem.apps[y].id),
  );
}

export const compareIds = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Adds to `initial` (a feasible set of candidates) each application's best free alternatives in greedy
 * order, up to sessionsPerWeek and one per weekday. The result is maximal: no candidate of these
 * applications could still be added, which also makes any solver result it completes maximal.
 */
export function greedyFill(problem: Problem, orderedApps: number[], initial: Iterable<number>): number[] {
  const occupancy = new Occupancy(problem.candidates);
  const chosen = [...initial];
  const sessions = new Map<number, number>();
  const days = new Set<number>();
  const dayKey = (app: number, weekday: number): number => app * 8 + weekday;
  for (const c of chosen) {
    const cand = problem.candidates[c];
    occupancy.add(c);
    sessions.set(cand.app, (sessions.get(cand.app) ?? 0) + 1);
    days.add(dayKey(cand.app, cand.weekday));
  }
  for (const a of orderedApps) {
    const wanted = problem.apps[a].sessionsPerWeek;
    let got = sessions.get(a) ?? 0;
    if (got >= wanted) continue;
    const ranked = [...problem.byApp[a]].sort(
      (x, y) => problem.candidates[y].score - problem.candidates[x].score || x - y,
    );
    for (const c of ranked) {
      const cand = problem.candidates[c];
      if (days.has(dayKey(a, cand.weekday)) || !occupancy.isFree(c)) continue;
      chosen.push(c);
      occupancy.add(c);
      days.add(dayKey(a, cand.weekday));
      if (++got >= wanted) break;
    }
    sessions.set(a, got);
  }
  return chosen;
}

/** Greedy on its own for some applications: their pins first, then greedyFill. */
export function greedySolution(problem: Problem, apps: number[]): number[] {
  const pins = apps.flatMap((a) => problem.byApp[a].filter((c) => problem.candidates[c].pinned));
  return greedyFill(problem, greedyOrder(problem, apps), pins);
}

/**
 * Checks every rule of the model for the given applications (pins included); used to refuse a solver
 * answer that numerics bent, and by the tests.
 */
export function isFeasible(problem: Problem, chosen: number[], apps: number[]): boolean {
  const occupancy = new Occupancy(problem.candidates);
  const sessions = new Map<number, number>();
  const days = new Set<number>();
  const set = new Set(chosen);
  if (set.size !== chosen.length) return false;
  for (const c of chosen) {
    const cand = problem.candidates[c];
    if (!occupancy.isFree(c)) return false;
    const key = cand.app * 8 + cand.weekday;
    if (days.has(key)) return false;
    days.add(key);
    occupancy.add(c);
    const got = (sessions.get(cand.app) ?? 0) + 1;
    if (got > problem.apps[cand.app].sessionsPerWeek) return false;
    sessions.set(cand.app, got);
  }
  return apps.every((a) => problem.byApp[a].every((c) => !problem.candidates[c].pinned || set.has(c)));
}

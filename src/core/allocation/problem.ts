import { Weekday } from '../domain';
import { AllocationApplication, AllocationInput, AllocationRoom, Reason, Slot } from './types';

/** One decision variable x[a,k]: a feasible alternative k of application a. */
export interface Candidate {
  app: number;
  alt: number;
  weekday: Weekday;
  start: number;
  end: number;
  minutes: number;
  /** Interned leaf ids the room occupies. */
  leaves: number[];
  tier: number;
  /** The secondary score one granted session adds. */
  score: number;
  pinned: boolean;
}

/** The input indexed for solving: candidates, and the reasons infeasible alternatives were left out. */
export interface Problem {
  input: AllocationInput;
  apps: AllocationApplication[];
  candidates: Candidate[];
  /** Candidate indices per application, in alternative order. */
  byApp: number[][];
  /** Per application and alternative: why it is no candidate, or null when it is one. */
  excluded: (Reason | null)[][];
  /** Distinct tiers, highest priority (lowest number) first. */
  tiers: number[];
}

export function buildProblem(input: AllocationInput): Problem {
  const rooms = new Map(input.rooms.map((r) => [r.id, r]));
  const windows = new Map(input.rooms.map((r) => [r.id, mergedWindows(r)]));
  const leafIds = new Map<string, number>();
  const internLeaves = (room: AllocationRoom): number[] =>
    [...new Set(room.leaves)].map((leaf) => {
      let id = leafIds.get(leaf);
      if (id === undefined) leafIds.set(leaf, (id = leafIds.size));
      return id;
    });
  const roomLeaves = new Map(input.rooms.map((r) => [r.id, internLeaves(r)]));
  const pinned = new Set((input.pins ?? []).map((p) => `${p.applicationId}#${p.alternativeIndex}`));
  const { keepPrevious, preferenceRank, fairness } = input.weights;

  const candidates: Candidate[] = [];
  const byApp: number[][] = [];
  const excluded: (Reason | null)[][] = [];
  input.applications.forEach((app, a) => {
    const mine: number[] = [];
    const reasons: (Reason | null)[] = [];
    app.alternatives.forEach((slot, k) => {
      const room = rooms.get(slot.roomId);
      if (!room) return void reasons.push({ kind: 'unknown_room', alternativeIndex: k });
      const open = (windows.get(room.id)?.[slot.weekday] ?? []).some(
        ([opens, closes]) => opens <= slot.start && slot.end <= closes,
      );
      if (!open) return void reasons.push({ kind: 'outside_opening_hours', alternativeIndex: k });
      reasons.push(null);
      const kept = (app.previous ?? []).some((p) => sameSlot(p, slot));
      mine.push(candidates.length);
      candidates.push({
        app: a,
        alt: k,
        weekday: slot.weekday,
        start: slot.start,
        end: slot.end,
        minutes: slot.end - slot.start,
        leaves: roomLeaves.get(room.id) ?? [],
        tier: app.tier,
        score: (kept ? keepPrevious : 0) - preferenceRank * k - fairness * app.hoursAlreadyGranted,
        pinned: pinned.has(`${app.id}#${k}`),
      });
    });
    byApp.push(mine);
    excluded.push(reasons);
  });
  const tiers = [...new Set(input.applications.map((a) => a.tier))].sort((x, y) => x - y);
  return { input, apps: input.applications, candidates, byApp, excluded, tiers };
}

export const sameSlot = (a: Slot, b: Slot): boolean =>
  a.roomId === b.roomId && a.weekday === b.weekday && a.start === b.start && a.end === b.end;

/** Opening windows per weekday, with windows that touch or overlap merged into one. */
function mergedWindows(room: AllocationRoom): Record<number, [number, number][]> {
  const byDay: Record<number, [number, number][]> = {};
  for (const w of [...room.openingHours].sort((x, y) => x.opens - y.opens)) {
    const day = (byDay[w.weekday] ??= []);
    const last = day[day.length - 1];
    if (last && w.opens <= last[1]) last[1] = Math.max(last[1], w.closes);
    else day.push([w.opens, w.closes]);
  }
  return byDay;
}

/** Two candidates clash when they share a leaf on the same weekday and their times overlap. */
export function clash(x: Candidate, y: Candidate): boolean {
  return (
    x.weekday === y.weekday &&
    x.start < y.end &&
    y.start < x.end &&
    x.leaves.some((leaf) => y.leaves.includes(leaf))
  );
}

const occupancyKey = (leaf: number, weekday: number): number => leaf * 8 + weekday;

/** The chosen candidates, indexed by leaf and weekday so clash look-ups stay local. */
export class Occupancy {
  private readonly byKey = new Map<number, number[]>();

  constructor(private readonly candidates: Candidate[]) {}

  add(c: number): void {
    const cand = this.candidates[c];
    for (const leaf of cand.leaves) {
      const key = occupancyKey(leaf, cand.weekday);
      const list = this.byKey.get(key);
      if (list) list.push(c);
      else this.byKey.set(key, [c]);
    }
  }

  /** The chosen candidates that clash with candidate c (c itself excluded), without duplicates. */
  holders(c: number): number[] {
    const cand = this.candidates[c];
    const found = new Set<number>();
    for (const leaf of cand.leaves) {
      for (const other of this.byKey.get(occupancyKey(leaf, cand.weekday)) ?? []) {
        const o = this.candidates[other];
        if (other !== c && o.start < cand.end && cand.start < o.end) found.add(other);
      }
    }
    return [...found];
  }

  isFree(c: number): boolean {
    const cand = this.candidates[c];
    for (const leaf of cand.leaves) {
      for (const other of this.byKey.get(occupancyKey(leaf, cand.weekday)) ?? []) {
        const o = this.candidates[other];
        if (other !== c && o.start < cand.end && cand.start < o.end) return false;
      }
    }
    return true;
  }
}

/** Candidates grouped by (leaf, weekday): the only places two applications can meet. */
export function groupsByLeafDay(problem: Problem, subset?: number[]): number[][] {
  const groups = new Map<number, number[]>();
  for (const c of subset ?? problem.candidates.map((_, i) => i)) {
    const cand = problem.candidates[c];
    for (const leaf of cand.leaves) {
      const key = occupancyKey(leaf, cand.weekday);
      const list = groups.get(key);
      if (list) list.push(c);
      else groups.set(key, [c]);
    }
  }
  return [...groups.values()];
}

/**
 * Applications that can influence each other, as lists of application indices. Two applications
 * interact only through candidates that overlap in time on a shared leaf and weekday, so a sweep over
 * each (leaf, weekday) group in start order finds every link without comparing all pairs.
 */
export function components(problem: Problem): number[][] {
  const parent = problem.apps.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const union = (i: number, j: number): void => {
    const [ri, rj] = [find(i), find(j)];
    if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
  };
  for (const group of groupsByLeafDay(problem)) {
    const sorted = [...group].sort((x, y) => problem.candidates[x].start - problem.candidates[y].start);
    let maxEnd = -1;
    let anchor = -1;
    for (const c of sorted) {
      const cand = problem.candidates[c];
      if (cand.start < maxEnd) union(anchor, cand.app);
      else anchor = cand.app;
      maxEnd = Math.max(maxEnd, cand.end);
    }
  }
  const byRoot = new Map<number, number[]>();
  problem.apps.forEach((_, i) => {
    const root = find(i);
    const list = byRoot.get(root);
    if (list) list.push(i);
    else byRoot.set(root, [i]);
  });
  return [...byRoot.values()];
}

/** Sum of the `count` largest values (those given may be unsorted). */
export function topSum(values: number[], count: number): number {
  return [...values]
    .sort((x, y) => y - x)
    .slice(0, count)
    .reduce((s, v) => s + v, 0);
}

/**
 * Bounds that hold for any allocation of one application: its most minutes, and its best secondary
 * score, taking at most sessionsPerWeek sessions on distinct weekdays.
 */
export function appBounds(problem: Problem, a: number): { minutes: number; score: number } {
  const bestMinutes = new Map<number, number>();
  const bestScore = new Map<number, number>();
  for (const c of problem.byApp[a]) {
    const cand = problem.candidates[c];
    bestMinutes.set(cand.weekday, Math.max(bestMinutes.get(cand.weekday) ?? 0, cand.minutes));
    bestScore.set(cand.weekday, Math.max(bestScore.get(cand.weekday) ?? 0, cand.score));
  }
  const sessions = problem.apps[a].sessionsPerWeek;
  return {
    minutes: topSum([...bestMinutes.values()], sessions),
    score: topSum([...bestScore.values()], sessions),
  };
}

import { buildProblem, clash } from './problem';
import { AllocationInput, Slot } from './types';

/** Thrown by allocate/greedyAllocate for input validateAllocationInput refuses; `problems` lists why. */
export class AllocationInputError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid allocation input: ${problems.join('; ')}`);
    this.name = 'AllocationInputError';
  }
}

const isWeekday = (d: unknown): boolean => Number.isInteger(d) && (d as number) >= 1 && (d as number) <= 7;
const isMinute = (m: unknown): boolean => Number.isInteger(m) && (m as number) >= 0 && (m as number) <= 1440;
const isFiniteAtLeast = (v: unknown, min: number): boolean =>
  typeof v === 'number' && Number.isFinite(v) && v >= min;

function slotProblem(slot: Slot): string | null {
  if (typeof slot.roomId !== 'string') return 'has no roomId';
  if (!isWeekday(slot.weekday)) return `has weekday ${String(slot.weekday)}, not 1..7`;
  if (!isMinute(slot.start) || !isMinute(slot.end) || slot.start >= slot.end)
    return `has times ${String(slot.start)}–${String(slot.end)}, not whole minutes with 0 ≤ start < end ≤ 1440`;
  return null;
}

/**
 * Everything that makes an allocation input unusable, as messages; empty when it is fine. Alternatives in
 * unknown rooms or outside opening hours are not errors (they are explained), but pins to them are.
 */
export function validateAllocationInput(input: AllocationInput): string[] {
  const problems: string[] = [];
  const roomIds = new Set<string>();
  for (const room of input.rooms) {
    if (roomIds.has(room.id)) problems.push(`room ${room.id} is listed twice`);
    roomIds.add(room.id);
    if (room.leaves.length === 0) problems.push(`room ${room.id} has no leaves`);
    for (const w of room.openingHours) {
      if (!isWeekday(w.weekday) || !isMinute(w.opens) || !isMinute(w.closes) || w.opens >= w.closes)
        problems.push(`room ${room.id} has an invalid opening-hours window`);
    }
  }
  const { keepPrevious, preferenceRank, fairness } = input.weights;
  if (![keepPrevious, preferenceRank, fairness].every((w) => isFiniteAtLeast(w, 0)))
    problems.push('weights must be finite and not negative');
  if (!isFiniteAtLeast(input.timeLimitSeconds, 0) || input.timeLimitSeconds <= 0)
    problems.push('timeLimitSeconds must be a positive number');

  const apps = new Map<string, number>();
  input.applications.forEach((app, a) => {
    if (apps.has(app.id)) problems.push(`application ${app.id} is listed twice`);
    apps.set(app.id, a);
    if (!Number.isInteger(app.tier) || app.tier < 1)
      problems.push(`application ${app.id} has tier ${String(app.tier)}, not a positive integer`);
    if (!Number.isInteger(app.sessionsPerWeek) || app.sessionsPerWeek < 1)
      problems.push(`application ${app.id} has sessionsPerWeek ${String(app.sessionsPerWeek)}, not ≥ 1`);
    if (!isFiniteAtLeast(app.hoursAlreadyGranted, 0))
      problems.push(`application ${app.id} has hoursAlreadyGranted that is not a number ≥ 0`);
    if (app.alternatives.length === 0) problems.push(`application ${app.id} has no alternatives`);
    app.alternatives.forEach((slot, k) => {
      const p = slotProblem(slot);
      if (p) problems.push(`application ${app.id} alternative ${k} ${p}`);
    });
    (app.previous ?? []).forEach((slot, k) => {
      const p = slotProblem(slot);
      if (p) problems.push(`application ${app.id} previous slot ${k} ${p}`);
    });
  });
  // Pins are checked against the model only when the rest is sound, since that needs a valid problem.
  if (problems.length === 0) problems.push(...pinProblems(input, apps));
  return problems;
}

function pinProblems(input: AllocationInput, apps: Map<string, number>): string[] {
  const problems: string[] = [];
  const pins = input.pins ?? [];
  const seen = new Set<string>();
  for (const pin of pins) {
    const a = apps.get(pin.applicationId);
    const app = a === undefined ? undefined : input.applications[a];
    const key = `${pin.applicationId}#${pin.alternativeIndex}`;
    if (!app) problems.push(`pin to unknown application ${pin.applicationId}`);
    else if (!Number.isInteger(pin.alternativeIndex) || !app.alternatives[pin.alternativeIndex])
      problems.push(`pin to application ${app.id} has no alternative ${String(pin.alternativeIndex)}`);
    else if (seen.has(key)) problems.push(`pin ${key} is given twice`);
    seen.add(key);
  }
  if (problems.length > 0) return problems;

  const problem = buildProblem(input);
  const pinned = problem.candidates.map((_, c) => c).filter((c) => problem.candidates[c].pinned);
  for (const pin of pins) {
    const a = apps.get(pin.applicationId)!;
    const reason = problem.excluded[a][pin.alternativeIndex];
    if (reason)
      problems.push(`pin ${pin.applicationId}#${pin.alternativeIndex} is infeasible: ${reason.kind}`);
  }
  problem.apps.forEach((app, a) => {
    const mine = pinned.filter((c) => problem.candidates[c].app === a);
    if (mine.length > app.sessionsPerWeek)
      problems.push(
        `application ${app.id} has ${mine.length} pins but sessionsPerWeek ${app.sessionsPerWeek}`,
      );
  });
  for (let i = 0; i < pinned.length; i++) {
    for (let j = i + 1; j < pinned.length; j++) {
      const [x, y] = [problem.candidates[pinned[i]], problem.candidates[pinned[j]]];
      const [ax, ay] = [problem.apps[x.app].id, problem.apps[y.app].id];
      if (x.app === y.app && x.weekday === y.weekday)
        problems.push(`pins ${ax}#${x.alt} and ${ay}#${y.alt} are on the same weekday`);
      else if (clash(x, y)) problems.push(`pins ${ax}#${x.alt} and ${ay}#${y.alt} clash`);
    }
  }
  return problems;
}

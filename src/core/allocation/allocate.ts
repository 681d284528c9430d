import { explainAll } from './explain';
import { compareIds, compareValues, evaluate, greedySolution, Value } from './greedy';
import { Highs, highsRuntime } from './highs-runtime';
import { solveAlone, solveComponent } from './milp';
import { appBounds, components, Problem, buildProblem } from './problem';
import { AllocationInput, AllocationResult, AllocationStatus } from './types';
import { AllocationInputError, validateAllocationInput } from './validate';

/** How one component was settled. */
interface Settled {
  apps: number[];
  chosen: number[];
  greedy: number[];
  proven: boolean;
  /** A solver solution was kept without proof of optimality. */
  unprovenSolver: boolean;
  tierBounds: Map<number, number>;
  scoreBound: number | null;
}

/** Above this many alternatives, a lone application goes to the solver rather than enumeration. */
const ENUMERATE_UP_TO = 12;
/** A small component is not starved by its proportional share; what it leaves flows on. */
const MIN_SHARE_MS = 250;
/**
 * Share of the time limit for solving: the rest covers completing and explaining the result, and HiGHS
 * stopping a little after its own limit.
 */
const SOLVE_SHARE = 0.9;

function problemOrThrow(input: AllocationInput): Problem {
  const problems = validateAllocationInput(input);
  if (problems.length > 0) throw new AllocationInputError(problems);
  return buildProblem(input);
}

const sizeOf = (problem: Problem, apps: number[]): number =>
  apps.reduce((s, a) => s + problem.byApp[a].length, 0);

/** Independent components, smallest first so that time they leave unused flows to the larger ones. */
function orderedComponents(problem: Problem, decompose: boolean): number[][] {
  const all = decompose ? components(problem) : [problem.apps.map((_, a) => a)];
  const first = (apps: number[]): string => apps.map((a) => problem.apps[a].id).sort(compareIds)[0] ?? '';
  return all.sort((x, y) => sizeOf(problem, x) - sizeOf(problem, y) || compareIds(first(x), first(y)));
}

const exact = (apps: number[], chosen: number[], greedy: number[]): Settled => ({
  apps,
  chosen,
  greedy,
  proven: true,
  unprovenSolver: false,
  tierBounds: new Map(),
  scoreBound: null,
});

const fallback = (apps: number[], greedy: number[]): Settled => ({
  ...exact(apps, greedy, greedy),
  proven: false,
});

/** The season's allocation: exact (lexicographic MILP per component) within the time limit. */
export async function allocate(input: AllocationInput): Promise<AllocationResult> {
  const started = performance.now();
  const problem = problemOrThrow(input);
  const ordered = orderedComponents(problem, input.decompose !== false);
  let solverError: string | undefined;
  let highs: Highs | null = null;
  try {
    highs = await highsRuntime();
  } catch (error) {
    solverError = `HiGHS could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
  }
  const deadline = started + input.timeLimitSeconds * 1000 * SOLVE_SHARE;
  let sizeLeft = problem.candidates.length;
  const settled: Settled[] = [];
  for (const apps of ordered) {
    const size = sizeOf(problem, apps);
    const greedy = greedySolution(problem, apps);
    if (size === 0) settled.push(exact(apps, [], greedy));
    else if (apps.length === 1 && size <= ENUMERATE_UP_TO) {
      settled.push(exact(apps, solveAlone(problem, apps[0]), greedy));
    } else if (!highs) settled.push(fallback(apps, greedy));
    else {
      const now = performance.now();
      const share = Math.max((Math.max(0, deadline - now) * size) / sizeLeft, MIN_SHARE_MS);
      try {
        settled.push(settle(highs, problem, apps, greedy, Math.min(deadline, now + share)));
      } catch (error) {
        solverError = `HiGHS failed: ${error instanceof Error ? error.message.slice(0, 500) : String(error)}`;
        settled.push(fallback(apps, greedy));
      }
    }
    sizeLeft -= size;
  }
  return assemble(problem, settled, started, solverError);
}

/** Solves one component; greedy is the floor: an unproven solver answer is kept only when it beats it. */
function settle(highs: Highs, problem: Problem, apps: number[], greedy: number[], until: number): Settled {
  const solved = solveComponent(highs, problem, apps, greedy, until);
  const versusGreedy = compareValues(evaluate(problem, solved.chosen), evaluate(problem, greedy));
  if (solved.proven ? versusGreedy >= 0 : versusGreedy > 0) {
    return { apps, greedy, ...solved, unprovenSolver: !solved.proven };
  }
  // Greedy then matches the solver on every stage that ran, so those stages' bounds hold for it.
  return { ...fallback(apps, greedy), tierBounds: solved.tierBounds, scoreBound: solved.scoreBound };
}

/** Greedy alone: the solver's fallback and floor. Status 'greedy', with bounds that hold for any answer. */
export function greedyAllocate(input: AllocationInput): AllocationResult {
  const started = performance.now();
  const problem = problemOrThrow(input);
  const settled = orderedComponents(problem, input.decompose !== false).map((apps) =>
    fallback(apps, greedySolution(problem, apps)),
  );
  return { ...assemble(problem, settled, started, undefined), status: 'greedy', componentsOptimal: 0 };
}

function assemble(
  problem: Problem,
  settled: Settled[],
  started: number,
  solverError: string | undefined,
): AllocationResult {
  const chosen = settled.flatMap((s) => s.chosen).sort((x, y) => x - y);
  const value = evaluate(problem, chosen);
  const greedyValue = evaluate(
    problem,
    settled.flatMap((s) => s.greedy),
  );
  const boundMinutes = problem.tiers.map(() => 0);
  let bound = 0;
  for (const s of settled) {
    const own = evaluate(problem, s.chosen);
    const trivial = s.apps.map((a) => ({ tier: problem.apps[a].tier, ...appBounds(problem, a) }));
    const trivialMinutes = (tier: number): number =>
      trivial.filter((b) => b.tier === tier).reduce((sum, b) => sum + b.minutes, 0);
    problem.tiers.forEach((tier, t) => {
      boundMinutes[t] += s.proven ? own.minutesByTier[t] : (s.tierBounds.get(tier) ?? trivialMinutes(tier));
    });
    const scoreBound = s.proven ? own.score : (s.scoreBound ?? trivial.reduce((sum, b) => sum + b.score, 0));
    bound += Math.max(own.score, scoreBound);
  }
  const proven = settled.filter((s) => s.proven).length;
  let status: AllocationStatus = 'optimal';
  if (proven < settled.length) status = settled.some((s) => s.unprovenSolver) ? 'time_limit' : 'greedy';
  const byTier = (minutes: number[]): Record<number, number> =>
    Object.fromEntries(problem.tiers.map((tier, t) => [tier, minutes[t] / 60]));
  return {
    status,
    objective: value.score,
    bound: status === 'optimal' ? value.score : bound,
    gap: status === 'optimal' ? 0 : lexicographicGap(value, boundMinutes, bound),
    hoursByTier: byTier(value.minutesByTier),
    hoursBoundByTier: byTier(boundMinutes),
    greedyHoursByTier: byTier(greedyValue.minutesByTier),
    components: settled.length,
    componentsOptimal: proven,
    results: explainAll(problem, chosen),
    solveMs: performance.now() - started,
    ...(solverError ? { solverError } : {}),
  };
}

/**
 * The relative gap of the first objective, in priority order, not shown optimal: the first tier whose
 * hours fall short of their bound, else the secondary score.
 */
function lexicographicGap(value: Value, boundMinutes: number[], bound: number): number {
  for (const [t, minutes] of value.minutesByTier.entries()) {
    if (boundMinutes[t] > minutes) return (boundMinutes[t] - minutes) / Math.max(60, minutes);
  }
  return Math.max(0, bound - value.score) / Math.max(1, Math.abs(value.score));
}

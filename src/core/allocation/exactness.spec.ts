import { allocate, greedyAllocate } from './allocate';
import { application, hall, room, round } from './fixtures';
import { compareValues, evaluate, greedySolution, isFeasible, Value } from './greedy';
import { highsRuntime } from './highs-runtime';
import { solveComponent } from './milp';
import { buildProblem, Problem } from './problem';
import { AllocationInput, AllocationResult, Slot } from './types';
import { validateAllocationInput } from './validate';

/** mulberry32: a tiny seeded PRNG, so every run checks the same rounds. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A tiny contested round: a hall with two courts and a meeting room, one or two evenings. */
function tinyRound(seed: number): AllocationInput {
  const rand = prng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const rooms = [...hall('hall', ['c1', 'c2']), room('m')];
  const apps = Array.from({ length: 4 + Math.floor(rand() * 3) }, (_, i) => {
    const alternatives = Array.from({ length: 1 + Math.floor(rand() * 3) }, (): Slot => {
      const start = 17 * 60 + 30 * Math.floor(rand() * 8);
      return {
        roomId: pick(['hall', 'c1', 'c2', 'm']),
        weekday: pick([2, 3]),
        start,
        end: start + pick([60, 90, 120]),
      };
    });
    return application(`a${i}`, 1 + Math.floor(rand() * 3), alternatives, {
      sessionsPerWeek: rand() < 0.3 ? 2 : 1,
      hoursAlreadyGranted: Math.floor(rand() * 4),
      previous: rand() < 0.3 ? [alternatives[alternatives.length - 1]] : undefined,
    });
  });
  return round(rooms, apps, { weights: { keepPrevious: 3, preferenceRank: 1, fairness: 0.5 } });
}

/** The lexicographic optimum by trying every subset of candidates. */
function bruteForce(problem: Problem): Value {
  const all = problem.apps.map((_, a) => a);
  let best: Value | null = null;
  const n = problem.candidates.length;
  for (let mask = 0; mask < 1 << n; mask++) {
    const chosen = problem.candidates.map((_, c) => c).filter((c) => mask & (1 << c));
    if (!isFeasible(problem, chosen, all)) continue;
    const value = evaluate(problem, chosen);
    if (best === null || compareValues(value, best) > 0) best = value;
  }
  return best!;
}

function chosenOf(problem: Problem, result: AllocationResult): number[] {
  const byId = new Map(result.results.map((r) => [r.applicationId, r.granted]));
  return problem.candidates
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => byId.get(problem.apps[c.app].id)!.includes(c.alt))
    .map(({ i }) => i);
}

describe('exactness on small generated rounds', () => {
  const seeds = Array.from({ length: 40 }, (_, i) => i + 1);

  it.each(seeds)(
    'round %i: allocate reaches the brute-force optimum and never trails greedy',
    async (seed) => {
      const input = tinyRound(seed);
      const problem = buildProblem(input);
      expect(problem.candidates.length).toBeLessThanOrEqual(18);
      const result = await allocate(input);
      const chosen = chosenOf(problem, result);
      expect(
        isFeasible(
          problem,
          chosen,
          problem.apps.map((_, a) => a),
        ),
      ).toBe(true);
      const value = evaluate(problem, chosen);
      expect(compareValues(value, bruteForce(problem))).toBe(0);
      const greedy = evaluate(problem, chosenOf(problem, greedyAllocate(input)));
      expect(compareValues(value, greedy)).toBeGreaterThanOrEqual(0);
      expect(result.status).toBe('optimal');
      expect(result.objective).toBeCloseTo(value.score, 9);
    },
  );

  it('some generated round is one where greedy falls short, so the check above has teeth', async () => {
    let beaten = 0;
    for (const seed of seeds) {
      const input = tinyRound(seed);
      const problem = buildProblem(input);
      const optimum = evaluate(problem, chosenOf(problem, await allocate(input)));
      const greedy = evaluate(problem, chosenOf(problem, greedyAllocate(input)));
      if (compareValues(optimum, greedy) > 0) beaten++;
    }
    expect(beaten).toBeGreaterThan(0);
  });
});

describe('solveComponent out of time', () => {
  it('returns greedy completed and unproven when the deadline has passed', async () => {
    const input = tinyRound(7);
    const problem = buildProblem(input);
    const apps = problem.apps.map((_, a) => a);
    const greedy = greedySolution(problem, apps);
    const outcome = solveComponent(await highsRuntime(), problem, apps, greedy, performance.now() - 1);
    expect(outcome.proven).toBe(false);
    expect(isFeasible(problem, outcome.chosen, apps)).toBe(true);
    expect([...outcome.chosen].sort()).toEqual([...greedy].sort());
  });
});

describe('validateAllocationInput', () => {
  const X = (): Slot => ({ roomId: 'r1', weekday: 2, start: 18 * 60, end: 19 * 60 });
  const base = (): AllocationInput =>
    round([room('r1')], [application('A', 1, [X()]), application('B', 2, [X()])]);

  it('accepts a sound round', () => {
    expect(validateAllocationInput(base())).toEqual([]);
  });

  it.each<[string, (input: AllocationInput) => void, RegExp]>([
    ['sessionsPerWeek below 1', (i) => (i.applications[0].sessionsPerWeek = 0), /sessionsPerWeek 0/],
    ['a tier that is not a positive integer', (i) => (i.applications[0].tier = 1.5), /tier 1.5/],
    [
      'a slot ending before it starts',
      (i) => (i.applications[0].alternatives[0].end = 17 * 60),
      /not whole minutes/,
    ],
    ['a duplicate application id', (i) => (i.applications[1].id = 'A'), /listed twice/],
    ['no alternatives', (i) => (i.applications[0].alternatives = []), /no alternatives/],
    [
      'a pin to an unknown application',
      (i) => (i.pins = [{ applicationId: 'Z', alternativeIndex: 0 }]),
      /unknown application Z/,
    ],
    [
      'a pin to a missing index',
      (i) => (i.pins = [{ applicationId: 'A', alternativeIndex: 3 }]),
      /no alternative 3/,
    ],
    [
      'pins that clash',
      (i) =>
        (i.pins = [
          { applicationId: 'A', alternativeIndex: 0 },
          { applicationId: 'B', alternativeIndex: 0 },
        ]),
      /clash/,
    ],
    [
      'a pin outside opening hours',
      (i) => {
        i.applications[0].alternatives[0].start = 12 * 60;
        i.pins = [{ applicationId: 'A', alternativeIndex: 0 }];
      },
      /outside_opening_hours/,
    ],
    ['a non-positive time limit', (i) => (i.timeLimitSeconds = 0), /timeLimitSeconds/],
  ])('refuses %s', (_name, spoil, message) => {
    const input = base();
    spoil(input);
    const problems = validateAllocationInput(input);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  });
});

import { compareValues, evaluate, greedyFill, greedyOrder, isFeasible } from './greedy';
import { Highs } from './highs-runtime';
import { appBounds, groupsByLeafDay, Problem } from './problem';

/** What solving one component gave: a maximal feasible allocation and what is proven about it. */
export interface ComponentOutcome {
  chosen: number[];
  /** Every stage proven optimal: the allocation is lexicographically optimal for the component. */
  proven: boolean;
  /** Upper bound on minutes per tier, for the tiers whose stage ran (given the higher tiers' minutes). */
  tierBounds: Map<number, number>;
  /** Upper bound on the secondary score, when its stage ran. */
  scoreBound: number | null;
}

interface Rows {
  starts: number[];
  indices: number[];
  values: number[];
  upper: number[];
}

/**
 * Packing rows over the component's columns: sessions per application, one session per weekday, and one
 * clique row per maximal set of candidates that share a leaf and weekday and all contain one instant.
 * A row at start time t is dropped when the row at the next start time contains it, and rows with the
 * same columns are kept once.
 */
function packingRows(problem: Problem, apps: number[], cols: number[], colOf: Map<number, number>): Rows {
  const rows: Rows = { starts: [0], indices: [], values: [], upper: [] };
  const seen = new Set<string>();
  const add = (members: number[], upper: number): void => {
    const js = members.map((c) => colOf.get(c)!).sort((x, y) => x - y);
    const key = `${upper}:${js.join(',')}`;
    if (js.length < 2 || seen.has(key)) return;
    seen.add(key);
    rows.indices.push(...js);
    rows.values.push(...js.map(() => 1));
    rows.starts.push(rows.indices.length);
    rows.upper.push(upper);
  };
  const cand = problem.candidates;
  for (const a of apps) {
    const mine = problem.byApp[a];
    const sessions = problem.apps[a].sessionsPerWeek;
    if (mine.length > sessions) add(mine, sessions);
    if (sessions < 2) continue; // the sum row already allows one session only
    for (let day = 1; day <= 7; day++) {
      const onDay = mine.filter((c) => cand[c].weekday === day);
      add(onDay, 1);
    }
  }
  for (const group of groupsByLeafDay(problem, cols)) {
    if (group.length < 2) continue;
    const at = [...new Set(group.map((c) => cand[c].start))].sort((x, y) => x - y);
    at.forEach((t, i) => {
      const members = group.filter((c) => cand[c].start <= t && t < cand[c].end);
      const next = at[i + 1];
      if (next !== undefined && members.every((c) => cand[c].end > next)) return;
      add(members, 1);
    });
  }
  return rows;
}

const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));

interface StageRun {
  /** The solver's solution as candidate indices, or null when it has none. */
  chosen: number[] | null;
  /** The solver's dual bound on this stage's objective. */
  bound: number;
}

/** Tier minutes are integral (in units of their gcd): a gap below one unit proves the optimum. */
const TIER_GAPS = { mip_abs_gap: 0.5, mip_rel_gap: 0 };
/** The secondary score is not integral: it is solved to a small absolute and relative gap. */
const SCORE_GAP = 1e-6;
const SCORE_GAPS = { mip_abs_gap: SCORE_GAP, mip_rel_gap: SCORE_GAP };

/**
 * Solves one component exactly, a stage per tier and then the secondary score, each stage holding the
 * minutes the earlier ones reached. Every stage starts from the better of greedy and the previous stage
 * completed greedily, so the result is never worse than greedy. When time runs out the current solution
 * is completed greedily and the component is reported unproven.
 */
export function solveComponent(
  highs: Highs,
  problem: Problem,
  apps: number[],
  greedy: number[],
  deadline: number,
): ComponentOutcome {
  const cand = problem.candidates;
  const cols = apps.flatMap((a) => problem.byApp[a]).sort((x, y) => x - y);
  const colOf = new Map(cols.map((c, j) => [c, j]));
  const rows = packingRows(problem, apps, cols, colOf);
  const unit = cols.reduce((g, c) => gcd(g, cand[c].minutes), 0);
  const n = cols.length;
  const all = { kind: 'range', from: 0, to: n - 1 } as const;
  const lower = cols.map((c) => (cand[c].pinned ? 1 : 0));
  const model = highs.createModel({
    numCols: n,
    numRows: rows.upper.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: cols.map(() => 0),
    colLower: lower,
    colUpper: cols.map(() => 1),
    rowLower: rows.upper.map(() => -highs.infinity),
    rowUpper: rows.upper,
    matrix: { format: 'csr', numRows: rows.upper.length, numCols: n, ...rows },
    integrality: cols.map(() => highs.constants.variableType.integer),
  });

  /** One solve from a feasible start; null when no time is left. Bounds are in the objective's units. */
  const run = (
    upper: number[],
    cost: number[],
    start: number[],
    gaps: { mip_abs_gap: number; mip_rel_gap: number },
  ): StageRun | null => {
    const seconds = (deadline - performance.now()) / 1000;
    if (seconds < 0.005) return null;
    const startSet = new Set(start);
    model.changeColsBounds(all, lower, upper);
    model.changeColsCost(all, cost);
    model.options.set({
      output_flag: false,
      time_limit: seconds,
      ...gaps,
      // Feasibility jump costs ~30 ms per run in wasm even on tiny models; greedy already gives a start.
      mip_heuristic_run_feasibility_jump: false,
    });
    model.setSolution({ colValue: cols.map((c) => (startSet.has(c) ? 1 : 0)) });
    model.zeroAllClocks();
    model.run();
    const hasSolution = Number(model.info.get('primal_solution_status')) === 2;
    const values = hasSolution ? model.getSolution().colValue : null;
    return {
      chosen: values ? cols.filter((_, j) => values[j] > 0.5) : null,
      bound: Number(model.info.get('mip_dual_bound')),
    };
  };

  try {
    const held: { tier: number; minutes: number }[] = [];
    const minutesOf = (chosen: number[], tier: number): number =>
      chosen.reduce((s, c) => s + (cand[c].tier === tier ? cand[c].minutes : 0), 0);
    const holds = (chosen: number[]): boolean => held.every((h) => minutesOf(chosen, h.tier) >= h.minutes);
    const usable = (chosen: number[] | null): chosen is number[] =>
      chosen !== null && isFeasible(problem, chosen, apps) && holds(chosen);
    const tierBounds = new Map<number, number>();
    let current = cols.filter((c) => cand[c].pinned);
    let proven = true;

    const tiers = [...new Set(apps.map((a) => problem.apps[a].tier))].sort((x, y) => x - y);
    for (const tier of tiers) {
      const inStage = (c: number): boolean => cand[c].tier <= tier || cand[c].pinned;
      const stageApps = apps.filter((a) => problem.apps[a].tier <= tier);
      const starts = [greedyFill(problem, greedyOrder(problem, stageApps), current), greedy.filter(inStage)];
      current = starts.filter(usable).sort((x, y) => minutesOf(y, tier) - minutesOf(x, tier))[0];
      // No stage can beat every application of the tier getting its longest sessions.
      let bound = apps
        .filter((a) => problem.apps[a].tier === tier)
        .reduce((s, a) => s + appBounds(problem, a).minutes, 0);
      if (minutesOf(current, tier) < bound) {
        const upper = cols.map((c) => (inStage(c) ? 1 : 0));
        const cost = cols.map((c) => (cand[c].tier === tier ? cand[c].minutes / unit : 0));
        const stage = run(upper, cost, current, TIER_GAPS);
        if (!stage) {
          proven = false;
          break;
        }
        if (usable(stage.chosen) && minutesOf(stage.chosen, tier) >= minutesOf(current, tier)) {
          current = stage.chosen;
        }
        // Minutes are whole multiples of `unit`, so the bound rounds down to one.
        if (Number.isFinite(stage.bound)) bound = Math.min(bound, Math.floor(stage.bound + 1e-6) * unit);
      }
      const minutes = minutesOf(current, tier);
      tierBounds.set(tier, Math.max(minutes, bound));
      const tierCols = cols.filter((c) => cand[c].tier === tier);
      if (tierCols.length > 0) {
        model.addRow(minutes / unit, highs.infinity, {
          indices: tierCols.map((c) => colOf.get(c)!),
          values: tierCols.map((c) => cand[c].minutes / unit),
        });
      }
      held.push({ tier, minutes });
      if (minutes < bound) {
        proven = false;
        break;
      }
    }

    let scoreBound: number | null = null;
    if (proven) {
      const scoreOf = (chosen: number[]): number => evaluate(problem, chosen).score;
      const starts = [greedyFill(problem, greedyOrder(problem, apps), current), greedy];
      current = starts.filter(usable).sort((x, y) => scoreOf(y) - scoreOf(x))[0];
      scoreBound = scoreOf(current);
      // All-zero scores (no weights) leave nothing to choose between the tier optima.
      if (cols.some((c) => cand[c].score !== 0)) {
        const cost = cols.map((c) => cand[c].score);
        const everyColumn = cols.map(() => 1);
        const stage = run(everyColumn, cost, current, SCORE_GAPS);
        if (stage && usable(stage.chosen) && scoreOf(stage.chosen) >= scoreOf(current))
          current = stage.chosen;
        const score = scoreOf(current);
        scoreBound = stage && Number.isFinite(stage.bound) ? Math.max(score, stage.bound) : null;
        proven = scoreBound !== null && score >= scoreBound - SCORE_GAP * Math.max(1, Math.abs(scoreBound));
      }
    }
    const chosen = greedyFill(problem, greedyOrder(problem, apps), current).sort((x, y) => x - y);
    return { chosen, proven, tierBounds, scoreBound };
  } finally {
    model.dispose();
  }
}

/**
 * Exact answer for one application that competes with nobody: enumerate its allowed subsets. Taking an
 * alternative is tried before skipping it, so among equal values the earlier alternatives win.
 */
export function solveAlone(problem: Problem, a: number): number[] {
  const mine = problem.byApp[a];
  const sessions = problem.apps[a].sessionsPerWeek;
  let best: number[] = [];
  let bestValue = evaluate(problem, best);
  let found = false;
  const visit = (i: number, chosen: number[]): void => {
    if (i === mine.length) {
      if (!isFeasible(problem, chosen, [a])) return;
      const value = evaluate(problem, chosen);
      if (!found || compareValues(value, bestValue) > 0) [best, bestValue, found] = [chosen, value, true];
      return;
    }
    if (chosen.length < sessions) visit(i + 1, [...chosen, mine[i]]);
    visit(i + 1, chosen);
  };
  visit(0, []);
  return best;
}

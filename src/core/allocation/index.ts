/**
 * Season allocation: which application gets which of its alternatives, solved exactly with HiGHS.
 *
 * Model
 * - Candidates: a binary x[a,k] for each application a and each alternative k that names a known room
 *   and lies inside one opening window of that room on that weekday ([start, end) within [opens,
 *   closes]; windows of one day that touch or overlap count as one). Other alternatives are left out and
 *   explained (unknown_room, outside_opening_hours).
 * - Per application: Σ_k x[a,k] ≤ sessionsPerWeek, and at most one chosen alternative per weekday.
 * - No clash: a room occupies its leaves (itself, or all leaf sections under it), so a hall clashes with
 *   each of its courts and two courts do not clash. For every leaf and weekday, and every distinct start
 *   time t of the candidates on that leaf, Σ of candidates containing t ≤ 1 (interval cliques). Rows
 *   contained in the next one, single-member rows and repeated rows are dropped.
 * - Pins: x[a,k] fixed to 1. Pins that clash, fall on one weekday of one application, exceed
 *   sessionsPerWeek or point at an infeasible alternative make the input invalid.
 * - Objective, lexicographic, solved as sequential stages per component: for each tier t from 1 down,
 *   maximise the minutes granted to tier t (tiers below t are held at 0 during the stage, pins aside),
 *   then add Σ minutes(tier t) ≥ the value reached. Minutes are integers (divided by their gcd), so a
 *   stage is proven when the kept value reaches the solver's dual bound rounded down (mip_abs_gap 0.5,
 *   mip_rel_gap 0); a stage whose start already gives every application of the tier its longest
 *   sessions is skipped. A last stage maximises the secondary score Σ x[a,k]·s[a,k] with s[a,k] =
 *   keepPrevious·[alternative k equals a previous slot] − preferenceRank·k −
 *   fairness·hoursAlreadyGranted(a), to a gap of 1e-6 (skipped when every s is 0).
 * - Decomposition: applications meet only through candidates that share a leaf and weekday and overlap
 *   in time; union-find over those links gives independent components, solved separately, smallest
 *   first. The time limit covers the whole call: solving stops at 90 % of it, and each component gets
 *   the remaining time in proportion to its candidates (at least 250 ms, never past the end), so what a
 *   component leaves flows to the next. A component of one application with at most 12 candidates is
 *   solved by enumeration instead.
 * - Greedy (fallback and floor): applications by tier, then best secondary score, then id; each takes
 *   its free alternatives by score (then preference order) up to sessionsPerWeek, one per weekday.
 *   Every stage is warm-started from greedy or the previous stage completed greedily, every result is
 *   completed greedily (so it is maximal), and a component keeps greedy's answer if the solver's is
 *   lexicographically worse.
 * - Reported: objective = the secondary score; bound = an upper bound on it (the solver's dual bound
 *   where that stage ran, else the sum of each application's best scores); hoursBoundByTier = bounds on
 *   each tier's hours given the higher tiers' hours (the stage's dual bound, else each application's
 *   longest sessions). gap = the relative gap of the first objective in priority order not shown
 *   optimal: the first tier short of its bound, else the secondary score; 0 when optimal.
 * - Status: 'optimal' when every component is proven; else 'time_limit' if some unproven component kept
 *   a solver answer (which beats greedy there), or 'greedy' if all unproven ones kept greedy's.
 * - Explanations: an alternative left out names the granted session of another application that
 *   clashes with it (highest tier, then smallest id), else the application's own session that weekday,
 *   else "not needed" (results are maximal, so nothing else can remain).
 */
export { allocate, greedyAllocate } from './allocate';
export { describeSlot } from './explain';
export type {
  AllocationApplication,
  AllocationInput,
  AllocationPin,
  AllocationResult,
  AllocationRoom,
  AllocationStatus,
  AllocationWeights,
  ApplicationResult,
  Reason,
  Slot,
} from './types';
export { AllocationInputError, validateAllocationInput } from './validate';

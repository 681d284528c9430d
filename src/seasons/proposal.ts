import type { AllocationResult, AllocationStatus, Reason } from '../core/allocation';
import { explainAll } from '../core/allocation/explain';
import { evaluate } from '../core/allocation/greedy';
import { buildProblem } from '../core/allocation/problem';
import type { Preference } from './dto/preference.dto';
import type { Round } from './allocation-input';
import type { Pin } from './pin';
import type { SkippedDate } from './season-dates';
import { tierName } from './season-policy';

/** Why an alternative was or was not granted: the solver's reasons, and two the round adds. */
export type SeasonReason =
  | Reason
  /** The room is closed on every date of the season on that weekday (closures, holidays). */
  | { kind: 'closed'; alternativeIndex: number }
  /** The room is not (or no longer) part of the season. */
  | { kind: 'not_in_round'; alternativeIndex: number };

/** The dates one granted alternative gives, and those set aside with the reason. */
export interface ProposedDates {
  preferenceIndex: number;
  occurrences: number;
  skipped: SkippedDate[];
}

export interface ProposedApplication {
  requestId: string;
  organisationId: string;
  organisationName: string;
  title: string;
  tier: number;
  sessionsPerWeek: number;
  preferences: Preference[];
  /** Granted alternatives, 0-based, ascending. */
  granted: number[];
  /** One per alternative. */
  reasons: SeasonReason[];
  dates: ProposedDates[];
}

/** A proposal as stored: a snapshot of the round's names, so it reads the same until it is replaced. */
export interface StoredProposal {
  solverStatus: AllocationStatus;
  objective: number;
  bound: number;
  gap: number;
  hoursByTier: Record<number, number>;
  hoursBoundByTier: Record<number, number>;
  greedyHoursByTier: Record<number, number>;
  components: number;
  componentsOptimal: number;
  solveMs: number;
  solverError?: string;
  /** season.changedAt as read for this run: when the season has changed since, the proposal is stale. */
  basis: string;
  computedAt: string;
  /** Set when staff moved an assignment by hand after the run. */
  editedAt: string | null;
  pins: Pin[];
  tiers: { tier: number; name: string }[];
  rooms: Record<string, { name: string; buildingName: string }>;
  applications: ProposedApplication[];
}

/** The round's reading of a solver reason: alternatives it set aside itself get their own kind. */
function seasonReason(round: Round, requestId: string, reason: Reason): SeasonReason {
  if (reason.kind !== 'unknown_room') return reason;
  const closed = round.closed.get(requestId)?.has(reason.alternativeIndex);
  return { kind: closed ? 'closed' : 'not_in_round', alternativeIndex: reason.alternativeIndex };
}

export function proposalFrom(
  round: Round,
  result: AllocationResult,
  names: Map<string, string>,
  dates: Map<string, ProposedDates[]>,
  pins: Pin[],
): StoredProposal {
  const byId = new Map(result.results.map((r) => [r.applicationId, r]));
  const tiers = Object.keys(result.hoursByTier)
    .map(Number)
    .sort((x, y) => x - y);
  return {
    solverStatus: result.status,
    objective: result.objective,
    bound: result.bound,
    gap: result.gap,
    hoursByTier: result.hoursByTier,
    hoursBoundByTier: result.hoursBoundByTier,
    greedyHoursByTier: result.greedyHoursByTier,
    components: result.components,
    componentsOptimal: result.componentsOptimal,
    solveMs: Math.round(result.solveMs),
    ...(result.solverError ? { solverError: result.solverError } : {}),
    basis: round.season.changedAt.toISOString(),
    computedAt: new Date().toISOString(),
    editedAt: null,
    pins,
    tiers: tiers.map((tier) => ({ tier, name: tierName(round.season.policy, tier) })),
    rooms: Object.fromEntries(
      [...round.rooms.values()].map((r) => [r.id, { name: r.name, buildingName: r.buildingName }]),
    ),
    applications: round.applications.map((a) => {
      const r = byId.get(a.requestId)!;
      return {
        requestId: a.requestId,
        organisationId: a.organisationId,
        organisationName: names.get(a.organisationId) ?? '',
        title: a.title,
        tier: a.tier,
        sessionsPerWeek: a.sessionsPerWeek,
        preferences: a.preferences,
        granted: r.granted,
        reasons: r.reasons.map((reason) => seasonReason(round, a.requestId, reason)),
        dates: dates.get(a.requestId) ?? [],
      };
    }),
  };
}

/**
 * Reasons and scores for a hand-edited set of assignments, from the solver's own explainer: every
 * application keeps exactly the alternatives given (`chosen`: request id → indices), none is added.
 */
export function reexplain(
  round: Round,
  chosen: Map<string, number[]>,
): { reasons: Map<string, SeasonReason[]>; objective: number; hoursByTier: Record<number, number> } {
  const problem = buildProblem({ ...round.input, pins: [] });
  const picked = problem.candidates
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => chosen.get(problem.apps[c.app].id)?.includes(c.alt))
    .map(({ i }) => i);
  const value = evaluate(problem, picked);
  const reasons = new Map(
    explainAll(problem, picked).map((r) => [
      r.applicationId,
      r.reasons.map((reason) => seasonReason(round, r.applicationId, reason)),
    ]),
  );
  const hoursByTier = Object.fromEntries(problem.tiers.map((t, i) => [t, value.minutesByTier[i] / 60]));
  return { reasons, objective: value.score, hoursByTier };
}

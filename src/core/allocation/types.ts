import { Weekday } from '../domain';

/** A bookable room as the allocation sees it. Times are minutes since local (Europe/Oslo) midnight. */
export interface AllocationRoom {
  id: string;
  buildingId: string;
  /**
   * The leaf rooms this room occupies: itself when it has no sections, otherwise all leaf sections
   * under it. Two rooms clash iff their leaves intersect.
   */
  leaves: string[];
  /** Several windows a day are allowed; windows that touch or overlap are read as one. */
  openingHours: { weekday: Weekday; opens: number; closes: number }[];
}

/** A weekly slot: minutes since local midnight, start < end ≤ 1440. */
export interface Slot {
  roomId: string;
  weekday: Weekday;
  start: number;
  end: number;
}

export interface AllocationApplication {
  id: string;
  organisationId: string;
  /** 1 = highest priority. */
  tier: number;
  sessionsPerWeek: number;
  /** Ordered, first = most wanted. */
  alternatives: Slot[];
  /** Last season's slots of this organisation for this activity. */
  previous?: Slot[];
  /** Weekly hours the organisation already holds elsewhere: the fairness input. */
  hoursAlreadyGranted: number;
}

export interface AllocationWeights {
  keepPrevious: number;
  preferenceRank: number;
  fairness: number;
}

export interface AllocationPin {
  applicationId: string;
  alternativeIndex: number;
}

export interface AllocationInput {
  rooms: AllocationRoom[];
  applications: AllocationApplication[];
  pins?: AllocationPin[];
  weights: AllocationWeights;
  /** For the whole call, shared among the independent components. */
  timeLimitSeconds: number;
  /** Split into independent components (default true). Off only to check that splitting changes nothing. */
  decompose?: boolean;
}

export type Reason =
  | { kind: 'granted'; alternativeIndex: number }
  /** A chosen alternative of another application clashes with it. */
  | { kind: 'held_by'; alternativeIndex: number; applicationId: string; tier: number }
  | { kind: 'outside_opening_hours'; alternativeIndex: number }
  | { kind: 'unknown_room'; alternativeIndex: number }
  | { kind: 'same_weekday_as_own_session'; alternativeIndex: number }
  /** The application already got sessionsPerWeek sessions on other alternatives. */
  | { kind: 'not_needed'; alternativeIndex: number };

export interface ApplicationResult {
  applicationId: string;
  /** Alternative indices chosen (0-based, ascending). */
  granted: number[];
  /** One per alternative. */
  reasons: Reason[];
  /** One English sentence; alternatives are numbered from 1 and rooms named by id. */
  explanation: string;
}

export type AllocationStatus = 'optimal' | 'time_limit' | 'greedy';

export interface AllocationResult {
  /**
   * 'optimal': every component proven lexicographically optimal. 'time_limit': some component was not
   * proven and at least one solver incumbent was kept. 'greedy': no solver solution was kept where
   * optimality was not proven (greedy kept, solver unavailable, or greedyAllocate).
   */
  status: AllocationStatus;
  /** The secondary (weighted) score of the allocation, summed over components. */
  objective: number;
  /** An upper bound on the secondary score given the tier hours allocated. */
  bound: number;
  /**
   * Relative gap of the first objective, in priority order, not shown optimal: the first tier whose hours
   * fall short of hoursBoundByTier, (bound − hours) / max(1, hours); else the secondary score,
   * (bound − objective) / max(1, |objective|). 0 when optimal.
   */
  gap: number;
  /** Weekly hours granted per tier (every tier in the input appears). */
  hoursByTier: Record<number, number>;
  /** Upper bound per tier on weekly hours, given the hours allocated to the higher tiers. */
  hoursBoundByTier: Record<number, number>;
  /** What greedy alone grants, per tier: the floor the solver beats. */
  greedyHoursByTier: Record<number, number>;
  /** Independent components the round split into. */
  components: number;
  /** Components proven optimal (by the solver or by enumeration). */
  componentsOptimal: number;
  /** One per application, sorted by application id. */
  results: ApplicationResult[];
  solveMs: number;
  /** Set when the solver could not be used and greedy stood in. */
  solverError?: string;
}

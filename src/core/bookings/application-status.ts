import type { RequestState } from './request-status';

/**
 * A season application's status. It has no occurrences until its season is committed, so unlike a
 * request's (request-status.ts) it is not derived from them but moved by what happens to it:
 *
 * - it waits (`submitted`) from applying until the commit, and only while waiting may it change;
 * - withdrawn by its organisation or by staff, it is `withdrawn`;
 * - at the commit, it is `approved` when it got dates (all written approved), `rejected` when it got
 *   none — left out by the allocation, or every date skipped.
 *
 * Anything else (withdrawing a rejected application, committing a withdrawn one) is not a move: null.
 */
export const APPLICATION_WAITING = 'submitted' satisfies RequestState;

export type ApplicationStep = { kind: 'withdraw' } | { kind: 'commit'; dates: number };

export function isWaiting(status: RequestState): boolean {
  return status === APPLICATION_WAITING;
}

export function nextApplicationStatus(current: RequestState, step: ApplicationStep): RequestState | null {
  if (!isWaiting(current)) return null;
  if (step.kind === 'withdraw') return 'withdrawn';
  return step.dates > 0 ? 'approved' : 'rejected';
}

/**
 * A request's status, derived from its occurrences:
 * submitted (all pending), in_review (some decided, some pending), withdrawn (all withdrawn),
 * rejected (none ever approved), cancelled (every approved one cancelled), partially_approved (some
 * approved, some rejected), approved (all decided, none rejected).
 */
export type OccurrenceState = 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'cancelled';
export type RequestState =
  'submitted' | 'in_review' | 'approved' | 'partially_approved' | 'rejected' | 'withdrawn' | 'cancelled';

export function requestStatus(occurrences: OccurrenceState[]): RequestState {
  const count = (s: OccurrenceState): number => occurrences.filter((o) => o === s).length;
  const n = occurrences.length;
  const pending = count('pending');
  if (n === 0 || pending === n) return 'submitted';
  if (pending > 0) return 'in_review';
  if (count('withdrawn') === n) return 'withdrawn';
  if (count('approved') + count('cancelled') === 0) return 'rejected';
  if (count('approved') === 0) return 'cancelled';
  return count('rejected') > 0 ? 'partially_approved' : 'approved';
}

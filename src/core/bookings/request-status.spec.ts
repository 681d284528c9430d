import { requestStatus } from './request-status';

describe('a request status derived from its occurrences', () => {
  it.each([
    [['pending', 'pending'], 'submitted'],
    [['pending', 'approved'], 'in_review'],
    [['pending', 'rejected'], 'in_review'],
    [['approved', 'approved'], 'approved'],
    [['approved', 'cancelled'], 'approved'],
    [['approved', 'rejected'], 'partially_approved'],
    [['approved', 'rejected', 'cancelled'], 'partially_approved'],
    [['rejected', 'rejected'], 'rejected'],
    [['withdrawn', 'withdrawn'], 'withdrawn'],
    [['rejected', 'withdrawn'], 'rejected'],
    [['cancelled', 'cancelled'], 'cancelled'],
    [['cancelled', 'rejected'], 'cancelled'],
  ] as const)('%j → %s', (states, expected) => {
    expect(requestStatus([...states])).toBe(expected);
  });
});

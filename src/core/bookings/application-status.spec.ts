import { isWaiting, nextApplicationStatus } from './application-status';

describe("a season application's status", () => {
  it('waits as submitted, and only then may change', () => {
    expect(isWaiting('submitted')).toBe(true);
    for (const s of ['approved', 'rejected', 'withdrawn', 'in_review'] as const)
      expect(isWaiting(s)).toBe(false);
  });

  it('is withdrawn when taken back while waiting', () => {
    expect(nextApplicationStatus('submitted', { kind: 'withdraw' })).toBe('withdrawn');
  });

  it('is approved at the commit when it got dates, rejected when it got none', () => {
    expect(nextApplicationStatus('submitted', { kind: 'commit', dates: 12 })).toBe('approved');
    expect(nextApplicationStatus('submitted', { kind: 'commit', dates: 0 })).toBe('rejected');
  });

  it.each([
    ['withdrawn', { kind: 'withdraw' }],
    ['rejected', { kind: 'withdraw' }],
    ['withdrawn', { kind: 'commit', dates: 3 }],
    ['approved', { kind: 'commit', dates: 0 }],
  ] as const)('does not move from %s by %j', (from, step) => {
    expect(nextApplicationStatus(from, step)).toBeNull();
  });
});

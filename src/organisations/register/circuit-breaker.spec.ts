import { CircuitBreaker } from './circuit-breaker';

describe('the register circuit breaker', () => {
  it('opens after three failures in a row, lets one trial through after the pause, and closes on success', () => {
    let now = 0;
    const b = new CircuitBreaker(3, 30_000, () => now);
    b.failure();
    b.failure();
    expect(b.closed).toBe(true);
    b.failure();
    expect(b.closed).toBe(false);
    now = 29_999;
    expect(b.closed).toBe(false);
    now = 30_000;
    expect(b.closed).toBe(true);
    b.failure(); // the trial failed: open again at once
    expect(b.closed).toBe(false);
    now = 60_000;
    b.success();
    b.failure();
    expect(b.closed).toBe(true);
  });

  it('counts only consecutive failures', () => {
    const b = new CircuitBreaker(3, 30_000, () => 0);
    b.failure();
    b.failure();
    b.success();
    b.failure();
    b.failure();
    expect(b.closed).toBe(true);
  });
});

/**
 * A consecutive-failure circuit breaker: after `threshold` failures in a row, calls are skipped for
 * `openMs`; the first call after that is a trial, and one more failure opens it again at once.
 *
 * Hand-written (25 lines) rather than `opossum`: opossum trips on an error percentage over a rolling
 * window and wraps the call with its own timeout, so getting "3 in a row, then 30 s" means configuring
 * around its model; here the timeout is the fetch's AbortSignal and the rule is the one we document.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;

  constructor(
    private readonly threshold = 3,
    private readonly openMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a call may be made now. */
  get closed(): boolean {
    return this.now() >= this.openUntil;
  }

  success(): void {
    this.failures = 0;
    this.openUntil = 0;
  }

  failure(): void {
    this.failures += 1;
    if (this.failures >= this.threshold) this.openUntil = this.now() + this.openMs;
  }
}

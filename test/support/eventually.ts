export interface PollOptions {
  /** How long to keep trying (or, for `consistently`, how long it must hold), in ms. */
  timeout?: number;
  /** Pause between tries, in ms. */
  interval?: number;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls until `check` returns a value other than undefined, and answers it; fails after the deadline
 * with the last error `check` threw. Tests wait with this, never with a fixed sleep: under load a
 * fixed sleep is too short, and unloaded it wastes time.
 */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  { timeout = 10_000, interval = 50 }: PollOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) break;
    await pause(interval);
  }
  throw new Error(`Timed out after ${timeout} ms${last instanceof Error ? `: ${last.message}` : ''}`);
}

/**
 * Checks that something that must not happen does not, for `timeout` ms (default 1 s): `check`
 * throws (e.g. a failed expect) as soon as it does. For "nothing is sent while Redis is down".
 */
export async function consistently(
  check: () => Promise<void>,
  { timeout = 1_000, interval = 50 }: PollOptions = {},
): Promise<void> {
  const deadline = Date.now() + timeout;
  do {
    await check();
    await pause(interval);
  } while (Date.now() < deadline);
}

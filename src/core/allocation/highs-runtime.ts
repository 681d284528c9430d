import loadHighs, { type Highs } from 'highs';

// Compiling and instantiating the 3.5 MB wasm costs tens of milliseconds, so one runtime serves every
// call in the process. Solves are synchronous, so sharing it never interleaves two models' work.
let runtime: Promise<Highs> | undefined;

/** The process's HiGHS runtime, loaded on first use. A failed load is forgotten so the next call retries. */
export function highsRuntime(): Promise<Highs> {
  runtime ??= loadHighs().catch((error: unknown) => {
    runtime = undefined;
    throw error;
  });
  return runtime;
}

export type { Highs };

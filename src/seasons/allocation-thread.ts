// Runs one allocation off the main thread (see allocation-runner.ts): the input comes as workerData,
// the result or the error goes back as one message.
import { parentPort, workerData } from 'node:worker_threads';
import { allocate, AllocationInput, AllocationInputError } from '../core/allocation';

allocate(workerData as AllocationInput).then(
  (result) => parentPort!.postMessage({ ok: true, result }),
  (error: unknown) =>
    parentPort!.postMessage({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      problems: error instanceof AllocationInputError ? error.problems : undefined,
    }),
);

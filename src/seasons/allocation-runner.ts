import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { allocate, AllocationInput, AllocationInputError, AllocationResult } from '../core/allocation';

type ThreadAnswer =
  { ok: true; result: AllocationResult } | { ok: false; message: string; problems?: string[] };

/**
 * Solves on a worker thread: HiGHS runs synchronously for up to the policy's time limit, and the job's
 * event loop must stay free meanwhile to renew the job's lock and answer progress. Run from TypeScript
 * sources (the tests), where no compiled thread script exists, it solves on this thread.
 */
export async function solve(input: AllocationInput): Promise<AllocationResult> {
  const script = join(__dirname, 'allocation-thread.js');
  if (!__filename.endsWith('.js') || !existsSync(script)) return allocate(input);
  const answer = await new Promise<ThreadAnswer>((resolve, reject) => {
    const thread = new Worker(script, { workerData: input });
    thread.once('message', (message: ThreadAnswer) => {
      resolve(message);
      void thread.terminate();
    });
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`The allocation thread stopped with code ${code}`)));
  });
  if (answer.ok) return answer.result;
  if (answer.problems) throw new AllocationInputError(answer.problems);
  throw new Error(answer.message);
}

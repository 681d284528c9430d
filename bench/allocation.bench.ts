// Season allocation on generated rounds: solve time, proof of optimality, and what the optimum gains
// over greedy alone. Pure computation: no database or HTTP.
import { allocate, AllocationResult, greedyAllocate } from '../src/core/allocation';
import { AAS, generateRound, OSLO, RoundSpec } from './allocation-generator';
import { measure, Result, result } from './harness';

const hours = (h: number): string => (Math.round(h * 10) / 10).toString();

function describe(optimum: AllocationResult, spec: RoundSpec, apps: number): string {
  const tiers = Object.keys(optimum.hoursByTier).map(Number);
  const perTier = tiers
    .map((t) => {
      const [opt, greedy] = [optimum.hoursByTier[t], optimum.greedyHoursByTier[t]];
      return `t${t} ${hours(opt)}h vs greedy ${hours(greedy)}h (${opt >= greedy ? '+' : ''}${hours(opt - greedy)})`;
    })
    .join(', ');
  const granted = optimum.results.filter((r) => r.granted.length > 0).length;
  return (
    `status ${optimum.status}, gap ${(optimum.gap * 100).toFixed(3)}%, ` +
    `${optimum.componentsOptimal}/${optimum.components} components proven, ` +
    `limit ${spec.timeLimitSeconds}s, ${granted}/${apps} applications granted; hours per tier: ${perTier}`
  );
}

async function scale(name: string, spec: RoundSpec, runs: number, warmup: number): Promise<Result[]> {
  const input = generateRound(spec);
  let last: AllocationResult | undefined;
  const samples = await measure(
    runs,
    async () => {
      last = await allocate(input);
    },
    warmup,
  );
  const greedySamples = await measure(3, async () => void greedyAllocate(input), 1);
  return [
    result(
      'allocation: lexicographic MILP per component',
      name,
      samples,
      describe(last!, spec, input.applications.length),
    ),
    result('allocation: greedy alone', name, greedySamples),
  ];
}

export async function allocationBench(): Promise<Result[]> {
  return [
    // One warm-up run loads the wasm, so the samples time the solve alone.
    ...(await scale('Ås (300 apps, 40 rooms)', AAS, 3, 1)),
    ...(await scale('Oslo (5000 apps, 600 rooms)', OSLO, Number(process.env.ALLOCATION_OSLO_RUNS ?? 1), 0)),
  ];
}

import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time spent by the processes of a benchmark, read from /proc (Linux): the API's process, every
 * PostgreSQL process (its backends, writer, WAL writer) and this client. With two cores shared by all
 * three, it says which of them a rate is bound by.
 */
export interface CpuTimes {
  apiMs: number;
  postgresMs: number;
  clientMs: number;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** utime + stime of one process, in ms; 0 if it has gone. */
function processMs(pid: number | string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the fields after the command's ")" start at the state (field 3); utime and stime are 14 and 15
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

function postgresMs(): number {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += processMs(pid);
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

export function cpuTimes(apiPid: number): CpuTimes {
  const { user, system } = process.cpuUsage();
  return { apiMs: processMs(apiPid), postgresMs: postgresMs(), clientMs: (user + system) / 1000 };
}

/**
 * "CPU per request: API 4.1 ms, PostgreSQL 12.0 ms, client 0.9 ms" between two readings. A backend that
 * ended between them (none do: the pool keeps its connections) would be missed.
 */
export function cpuPerRequest(before: CpuTimes, after: CpuTimes, requests: number): string {
  const per = (k: keyof CpuTimes) => ((after[k] - before[k]) / requests).toFixed(1);
  return `CPU per request: API ${per('apiMs')} ms, PostgreSQL ${per('postgresMs')} ms, client ${per('clientMs')} ms`;
}

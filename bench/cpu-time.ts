import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time spent by the processes of a benchmark, read from /proc (Linux): the API's process, every
 * PostgreSQL process (its backends, writer, WAL writer) and this client. With two cores shared by all
 * three, it says which of them a rate is bound by.
 */
export interface CpuTimes {
  apiMs: number;
  /** CPU time of each PostgreSQL process, by pid. */
  postgres: Map<string, number>;
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

/** Each PostgreSQL process's CPU time (its backends, writer, WAL writer), by pid. */
function postgresByPid(): Map<string, number> {
  const times = new Map<string, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') times.set(pid, processMs(pid));
    } catch {
      // the process ended while we looked
    }
  }
  return times;
}

export function cpuTimes(apiPid: number): CpuTimes {
  const { user, system } = process.cpuUsage();
  return { apiMs: processMs(apiPid), postgres: postgresByPid(), clientMs: (user + system) / 1000 };
}

/**
 * "CPU per request: API 4.1 ms, PostgreSQL 12.0 ms, client 0.9 ms" between two readings. PostgreSQL's
 * figure sums, over the processes alive at the second reading, what each used since the first (all of
 * it for one started in between). A backend that ended in between is missed, never subtracted: a pool
 * closes idle connections (pg's after 10 s), and a sum over the processes of each moment went below zero
 * when one that had worked earlier in the run closed during a part.
 */
export function cpuPerRequest(before: CpuTimes, after: CpuTimes, requests: number): string {
  let postgresMs = 0;
  for (const [pid, ms] of after.postgres) postgresMs += ms - (before.postgres.get(pid) ?? 0);
  const per = (ms: number) => (ms / requests).toFixed(1);
  return (
    `CPU per request: API ${per(after.apiMs - before.apiMs)} ms, PostgreSQL ${per(postgresMs)} ms, ` +
    `client ${per(after.clientMs - before.clientMs)} ms`
  );
}

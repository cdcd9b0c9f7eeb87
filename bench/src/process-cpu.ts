import { readFileSync } from 'node:fs';

/**
 * User plus system CPU time a process has used so far, in ms, from Linux's `/proc/<pid>/stat`
 * (clock ticks of 10 ms). CPU time carries over a loaded machine far better than wall time: a
 * process waiting for a core is not charged for the wait. 0 where /proc is missing.
 */
export function processCpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** This process's own CPU time in ms (microsecond resolution). */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The 1-minute load average, as docs/benchmarks.md reports it beside every figure. */
export function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}

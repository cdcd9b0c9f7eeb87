import { readdirSync, readFileSync } from 'node:fs';

/**
 * A process's CPU time and run-queue wait, summed over its threads (main thread, V8's GC and
 * compiler threads, libuv's pool), from Linux's `/proc/<pid>/task/<tid>/schedstat`: nanoseconds,
 * where `/proc/<pid>/stat` counts 10 ms ticks. Run-queue wait is time a thread was ready to run
 * but another process held the core: on a core of its own it stays near zero, so it shows how
 * much a measurement was disturbed.
 */
export type ThreadTimes = Map<string, { cpuNs: number; waitNs: number }>;

export function threadTimes(pid: number | undefined): ThreadTimes | undefined {
  if (!pid) return undefined;
  try {
    const times: ThreadTimes = new Map();
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const [cpu, wait] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ');
        times.set(tid, { cpuNs: Number(cpu), waitNs: Number(wait) });
      } catch {
        // The thread ended between listing and reading.
      }
    }
    return times;
  } catch {
    return undefined;
  }
}

/** CPU and run-queue wait between two readings, in ms; threads born in between count whole. */
export function threadTimesBetween(
  before: ThreadTimes | undefined,
  after: ThreadTimes | undefined,
): { cpuMs: number; runQueueWaitMs: number } | undefined {
  if (!before || !after) return undefined;
  let cpuNs = 0;
  let waitNs = 0;
  for (const [tid, now] of after) {
    const then = before.get(tid);
    cpuNs += now.cpuNs - (then?.cpuNs ?? 0);
    waitNs += now.waitNs - (then?.waitNs ?? 0);
  }
  return { cpuMs: cpuNs / 1e6, runQueueWaitMs: waitNs / 1e6 };
}

/** Busy time of one core so far (everything but idle and I/O wait), in ms, from /proc/stat. */
export function coreBusyMs(core: number): number | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith(`cpu${core} `));
    if (!line) return undefined;
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    const total = ticks.slice(0, 8).reduce((sum, value) => sum + value, 0);
    // USER_HZ is 100 on Linux: 10 ms per tick.
    return (total - idle) * 10;
  } catch {
    return undefined;
  }
}

import { readFile } from 'node:fs/promises';
import { clockTicks } from './clock-ticks';

export interface ProcessUsage {
  name: string;
  /** Share of one core over the sampled window (1.0 = one core busy). */
  cpuCores: number;
  /** Highest resident set seen, MiB. */
  peakRssMiB: number;
  lastRssMiB: number;
}

interface Sample {
  cpuSeconds: number;
  rssMiB: number;
}

/** CPU time (user + system) and RSS of a process, from /proc (Linux). */
export async function processSample(pid: number): Promise<Sample | undefined> {
  const [stat, status] = await Promise.all([
    readFile(`/proc/${pid}/stat`, 'utf8').catch(() => ''),
    readFile(`/proc/${pid}/status`, 'utf8').catch(() => ''),
  ]);
  if (!stat || !status) return undefined;
  // Fields after the command name (which may hold spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { cpuSeconds: ticks / clockTicks, rssMiB: rssKiB / 1024 };
}

/**
 * Samples named processes every `everyMs` while the load runs. A process that restarted (a new
 * pid, in the fault test) starts a new window; its CPU is counted from its own first sample.
 */
export function sampleProcesses(
  pids: () => { name: string; pid: number | undefined }[],
  everyMs = 2_000,
) {
  const first = new Map<string, { pid: number; at: number; sample: Sample }>();
  const last = new Map<string, { pid: number; at: number; sample: Sample }>();
  const peak = new Map<string, number>();
  const tick = async () => {
    for (const { name, pid } of pids()) {
      if (!pid) continue;
      const now = await processSample(pid);
      if (!now) continue;
      const at = performance.now();
      if (first.get(name)?.pid !== pid) first.set(name, { pid, at, sample: now });
      last.set(name, { pid, at, sample: now });
      peak.set(name, Math.max(peak.get(name) ?? 0, now.rssMiB));
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), everyMs);
  return {
    async stop(): Promise<ProcessUsage[]> {
      clearInterval(timer);
      await tick();
      return [...last.entries()].map(([name, end]) => {
        const start = first.get(name)!;
        const seconds = (end.at - start.at) / 1000;
        return {
          name,
          cpuCores: seconds > 0 ? (end.sample.cpuSeconds - start.sample.cpuSeconds) / seconds : 0,
          peakRssMiB: peak.get(name) ?? end.sample.rssMiB,
          lastRssMiB: end.sample.rssMiB,
        };
      });
    },
  };
}

import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** The parts of a V8 `.cpuprofile` (what `node --cpu-prof` writes) the ranking reads. */
const cpuProfileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
    }),
  ),
  startTime: z.number(),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

/** A stretch of time on the monotonic clock, in microseconds (V8's profile clock). */
export interface ProfileWindow {
  fromMicros: number;
  toMicros: number;
}

/** Now on the clock V8 stamps profile samples with (CLOCK_MONOTONIC), in microseconds. */
export function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

export interface SelfTimeRow {
  /** Share of the busy samples inside the windows, in percent. */
  percent: number;
  /** `functionName file:line` (file relative to node_modules or the repository). */
  where: string;
}

function shortUrl(url: string): string {
  const packagePath = url.lastIndexOf('node_modules/');
  if (packagePath !== -1) return url.slice(packagePath + 'node_modules/'.length);
  const repoPath = /\/(packages|apps|bench)\//.exec(url);
  return repoPath ? url.slice(repoPath.index + 1) : url.replace(/^file:\/\//, '');
}

/**
 * Ranks functions by self time over the samples taken inside `windows` only (the measured runs,
 * not start-up or warm-up). Idle and "(program)" samples are left out, so the shares are of the
 * time the process was busy.
 */
export function rankSelfTime(
  profilePath: string,
  windows: readonly ProfileWindow[],
  top = 30,
): { busySamples: number; rows: SelfTimeRow[] } {
  const profile = cpuProfileSchema.parse(JSON.parse(readFileSync(profilePath, 'utf8')));
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const counts = new Map<string, number>();
  let busy = 0;
  let at = profile.startTime;
  for (const [index, nodeId] of profile.samples.entries()) {
    at += profile.timeDeltas[index] ?? 0;
    if (!windows.some((window) => at >= window.fromMicros && at <= window.toMicros)) continue;
    const frame = frames.get(nodeId);
    if (!frame || frame.functionName === '(idle)' || frame.functionName === '(program)') continue;
    busy += 1;
    const where = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
    counts.set(where, (counts.get(where) ?? 0) + 1);
  }
  const rows = [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([where, count]) => ({ percent: Number(((100 * count) / busy).toFixed(1)), where }));
  return { busySamples: busy, rows };
}

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

type CallFrame = z.infer<typeof cpuProfileSchema>['nodes'][number]['callFrame'];

/**
 * Which part of a server a function belongs to, by where its code lives, so a profile adds up
 * by layer: the platform's own code by folder, tRPC, the metrics and logging libraries, Node's
 * own JavaScript (HTTP parsing and writing, streams, timers), native code (system calls such as
 * the socket write), garbage collection.
 */
export function areaOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (url === '') return 'native (system calls, V8 builtins)';
  if (url.startsWith('node:')) return "Node's JavaScript (HTTP, streams, timers)";
  const packagePath = url.lastIndexOf('node_modules/');
  if (packagePath !== -1) {
    const name = url.slice(packagePath + 'node_modules/'.length).split('/');
    return `library ${name[0]!.startsWith('@') ? `${name[0]}/${name[1]}` : name[0]}`;
  }
  const ownPath = /\/(packages|apps|bench)\/([^/]+)\/(?:src\/)?([^/]+)/.exec(url);
  if (ownPath) return `${ownPath[1]}/${ownPath[2]}/${ownPath[3]!.replace(/\.[jt]s$/, '')}`;
  return 'other';
}

/** The samples taken inside `windows` (busy ones only: idle and "(program)" are left out). */
function busyFramesIn(profilePath: string, windows: readonly ProfileWindow[]): CallFrame[] {
  const profile = cpuProfileSchema.parse(JSON.parse(readFileSync(profilePath, 'utf8')));
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const busy: CallFrame[] = [];
  let at = profile.startTime;
  for (const [index, nodeId] of profile.samples.entries()) {
    at += profile.timeDeltas[index] ?? 0;
    if (!windows.some((window) => at >= window.fromMicros && at <= window.toMicros)) continue;
    const frame = frames.get(nodeId);
    if (!frame || frame.functionName === '(idle)' || frame.functionName === '(program)') continue;
    busy.push(frame);
  }
  return busy;
}

function ranked(counts: Map<string, number>, busy: number, top: number): SelfTimeRow[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([where, count]) => ({ percent: Number(((100 * count) / busy).toFixed(1)), where }));
}

/**
 * Ranks functions by self time over the samples taken inside `windows` only (the measured runs,
 * not start-up or warm-up), and the same samples by area (`areaOf`). Idle and "(program)"
 * samples are left out, so the shares are of the time the process was busy.
 */
export function rankSelfTime(
  profilePath: string,
  windows: readonly ProfileWindow[],
  top = 30,
): { busySamples: number; rows: SelfTimeRow[]; areas: SelfTimeRow[] } {
  const frames = busyFramesIn(profilePath, windows);
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  for (const frame of frames) {
    const where = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
    byFunction.set(where, (byFunction.get(where) ?? 0) + 1);
    const area = areaOf(frame);
    byArea.set(area, (byArea.get(area) ?? 0) + 1);
  }
  return {
    busySamples: frames.length,
    rows: ranked(byFunction, frames.length, top),
    areas: ranked(byArea, frames.length, top),
  };
}

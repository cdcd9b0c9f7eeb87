/**
 * Cell host overhead: a trivial procedure (`product.status`, no database work) served by a host
 * process pinned to ONE core, loaded by autocannon running in THIS process on the other core;
 * beside it, on the same core, a bare `node:http` server answering the same JSON
 * (`bare-http-server.ts`). Rounds alternate host and bare server, so a drifting machine load
 * hits both alike, and the pair of servers is started afresh several times (`BENCH_PROCESSES`),
 * since each new process makes its own JIT and heap-sizing decisions. Each measurement reports
 * requests/s, latency and the server's CPU time per request, summed over its threads in
 * nanoseconds (scheduler-stats.ts), with what disturbed it: the server's run-queue wait (another
 * process held its core), the other busy time of its core, the load generator's own CPU, and for
 * the host its garbage collection (from its /metrics).
 *
 * Which figure decides: the host's share of the bare server by CPU time per request, per round
 * (two runs seconds apart on the same core), median over every round of every process pair, with
 * the range. Throughput on a shared core is disturbed by everything else that runs there, and the
 * bare server's is also capped by the load generator (one JavaScript thread on the other core);
 * CPU time per request is neither, and on a core of its own it is what sets throughput.
 *
 *   pnpm --filter @shop/bench cell-host     # 10 connections, 3 process pairs x 3 rounds of 5 s
 *   BENCH_CONNECTIONS=50 BENCH_SECONDS=10 BENCH_ROUNDS=5 BENCH_PROCESSES=2 pnpm --filter @shop/bench cell-host
 *   BENCH_NODE_ARGS=--max-semi-space-size=8 ...   # flags for both servers alike, as NODE_OPTIONS
 *       (which refuses some V8 flags, --min-semi-space-size among them)
 *   BENCH_CPU_PROF=/tmp/prof pnpm --filter @shop/bench cell-host   # CPU profiles (V8) of both,
 *       ranked by self time over the measured runs only (printed with the results)
 *   BENCH_RATE=500 ...   # both servers at a fixed rate (a busy machine: compare CPU per request)
 *   BENCH_CELL_IMAGE=/tmp/cell-image ...   # the host as the cell image runs it (pinned-cell-host.ts)
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { resolveMongo } from '@shop/db/mongo';
import { fromRoot } from '@shop/stack/repo-root';
import pino from 'pino';
import {
  monotonicMicros,
  rankSelfTime,
  type ProfileWindow,
  type SelfTimeRow,
} from './cpu-profile-ranking';
import { describeMachine } from './machine';
import { startPinnedCellHost, type PinnedCellHost } from './pinned-cell-host';
import { spawnOnCore } from './spawn-on-core';
import { loadAverage, ownCpuMs, processCpuMs } from './process-cpu';
import { coreBusyMs, threadTimes, threadTimesBetween } from './scheduler-stats';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const duration = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const processPairs = Number(process.env.BENCH_PROCESSES ?? 3);
// Each server's first run warms it up for longer (JIT tiers, connections, the young generation's
// growth), then every measured run has a short warm-up of its own.
const firstWarmUpSeconds = Number(process.env.BENCH_FIRST_WARM_UP_SECONDS ?? 6);
const warmUpSeconds = 2;
// A fixed request rate for both servers (requests/s over all connections) instead of as fast as
// they answer: on a busy machine neither gets a whole core, so a fixed rate compares the CPU each
// spends per request under the same arrivals.
const rate = process.env.BENCH_RATE ? Number(process.env.BENCH_RATE) : undefined;
const port = Number(process.env.BENCH_PORT ?? 4900);
const barePort = port + 10;
const cpuProfileDir = process.env.BENCH_CPU_PROF;
if (cpuProfileDir) mkdirSync(cpuProfileDir, { recursive: true });
// Node and V8 flags for both servers (a GC setting, say), so neither is measured differently;
// passed as NODE_OPTIONS, which accepts only the flags Node allows there.
const serverNodeOptions = [
  process.env.BENCH_NODE_ARGS,
  cpuProfileDir && `--cpu-prof --cpu-prof-dir=${cpuProfileDir}`,
]
  .filter(Boolean)
  .join(' ');
// pinned-cell-host.ts puts the host on core 0 and this process on core 1.
const serverCore = 0;

interface Measurement {
  requestsPerSecond: number;
  cpuMicrosecondsPerRequest: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** The server's whole-process CPU over the run, in ms (the figure per request is made of it). */
  cpuMs: number;
  /** Time the server's threads were ready but waited for the core: another process had it. */
  runQueueWaitMs?: number;
  /**
   * Busy time of the server's core beyond the server's own CPU: other processes, interrupts and
   * the kernel's packet delivery (loopback traffic is partly delivered there).
   */
  otherBusyOnCoreMs?: number;
  /** The load generator's CPU over the run as a share of its core: near 1, it set the pace. */
  generatorCoreShare: number;
  /** The host's garbage collection over the run (its /metrics; the bare server has none). */
  gc?: GcReading;
}

interface GcReading {
  ms: number;
  minorCollections: number;
  /** V8's young generation as sized at the end of the run. */
  newSpaceMiB: number;
}

interface Target {
  url: string;
  pid: number | undefined;
  /** The host's /metrics credential; undefined for the bare server. */
  host?: PinnedCellHost;
}

const round1 = (value: number) => Number(value.toFixed(1));

/** The host's GC totals and young-generation size from its /metrics (prom-client's defaults). */
async function hostGcTotals(host: PinnedCellHost): Promise<GcReading | undefined> {
  const text = await fetch(`${host.url}/metrics`, { headers: host.headers })
    .then((response) => (response.ok ? response.text() : ''))
    .catch(() => '');
  if (!text) return undefined;
  const sum = (pattern: RegExp) =>
    [...text.matchAll(pattern)].reduce((total, match) => total + Number(match[1]), 0);
  return {
    ms: sum(/^nodejs_gc_duration_seconds_sum\{[^}]*\} (\S+)$/gm) * 1000,
    minorCollections: sum(/^nodejs_gc_duration_seconds_count\{kind="minor"[^}]*\} (\S+)$/gm),
    newSpaceMiB:
      sum(/^nodejs_heap_space_size_total_bytes\{space="new"[^}]*\} (\S+)$/gm) / 1024 ** 2,
  };
}

// Each server's measured runs, to rank its CPU profile over them only (not start-up or warm-up).
const profileWindows = new Map<number | undefined, ProfileWindow[]>();

async function measure(target: Target, headers: Record<string, string>, warmUp: number) {
  const run = (seconds: number) =>
    autocannon({
      url: `${target.url}/trpc/product.status`,
      headers,
      connections,
      duration: seconds,
      ...(rate && { overallRate: rate }),
    });
  await run(warmUp);
  const gcBefore = target.host && (await hostGcTotals(target.host));
  const cpuBefore = processCpuMs(target.pid);
  const threadsBefore = threadTimes(target.pid);
  const coreBefore = coreBusyMs(serverCore);
  const generatorBefore = ownCpuMs();
  const fromMicros = monotonicMicros();
  const result = await run(duration);
  const toMicros = monotonicMicros();
  const generatorMs = ownCpuMs() - generatorBefore;
  const coreAfter = coreBusyMs(serverCore);
  const threads = threadTimesBetween(threadsBefore, threadTimes(target.pid));
  const cpuMs = threads?.cpuMs ?? processCpuMs(target.pid) - cpuBefore;
  const gcAfter = target.host && (await hostGcTotals(target.host));
  profileWindows.set(target.pid, [
    ...(profileWindows.get(target.pid) ?? []),
    { fromMicros, toMicros },
  ]);
  const measurement: Measurement = {
    requestsPerSecond: Math.round(result.requests.average),
    cpuMicrosecondsPerRequest: round1((cpuMs * 1000) / Math.max(1, result.requests.total)),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    cpuMs: Math.round(cpuMs),
    ...(threads && { runQueueWaitMs: Math.round(threads.runQueueWaitMs) }),
    ...(coreBefore !== undefined &&
      coreAfter !== undefined && {
        otherBusyOnCoreMs: Math.max(0, Math.round(coreAfter - coreBefore - cpuMs)),
      }),
    generatorCoreShare: Number((generatorMs / ((toMicros - fromMicros) / 1000)).toFixed(2)),
    ...(gcBefore &&
      gcAfter && {
        gc: {
          ms: round1(gcAfter.ms - gcBefore.ms),
          minorCollections: gcAfter.minorCollections - gcBefore.minorCollections,
          newSpaceMiB: round1(gcAfter.newSpaceMiB),
        },
      }),
  };
  return measurement;
}

interface PairResult {
  hostPid: number | undefined;
  barePid: number | undefined;
  pinnedToOneCore: boolean;
  host: Measurement[];
  bare: Measurement[];
}

/** One fresh host and bare server, measured in alternating rounds, then stopped. */
async function measurePair(mongoUri: string): Promise<PairResult> {
  // First the bare server: it also stands in for the Inngest engine, which a production host's
  // readiness waits to hear from once (it answers anything).
  const bare = await startBareServer();
  const host = await startPinnedCellHost({
    port,
    env: {
      CELLS: 'product',
      MONGODB_URI: mongoUri,
      // Required in production for the product cell; this procedure stores no file.
      FILES_STORE: 'local',
      INNGEST_BASE_URL: `http://127.0.0.1:${barePort}`,
      ...(serverNodeOptions && { NODE_OPTIONS: serverNodeOptions }),
    },
  });
  const result: PairResult = {
    hostPid: host.pid,
    barePid: bare.pid,
    pinnedToOneCore: host.pinnedToOneCore,
    host: [],
    bare: [],
  };
  try {
    for (let round = 0; round < rounds; round++) {
      const warmUp = round === 0 ? firstWarmUpSeconds : warmUpSeconds;
      result.host.push(await measure({ url: host.url, pid: host.pid, host }, host.headers, warmUp));
      result.bare.push(
        await measure({ url: `http://127.0.0.1:${barePort}`, pid: bare.pid }, host.headers, warmUp),
      );
      loadAverages.push(loadAverage());
    }
  } finally {
    await host.stop();
    await bare.stop();
  }
  return result;
}

const loadAverages: string[] = [loadAverage()];
const mongo = await resolveMongo({ mode: 'test', logger: pino({ level: 'warn' }) });
const pairs: PairResult[] = [];
try {
  for (let pair = 0; pair < processPairs; pair++) pairs.push(await measurePair(mongo.uri));
} finally {
  await mongo.stop();
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
/** Median, lowest, highest and the middle half (quartiles) of some rounds' figures. */
const spread = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.round(share * (sorted.length - 1))] ?? 0;
  return { median: median(values), min: at(0), max: at(1), middleHalf: [at(0.25), at(0.75)] };
};
const summarise = (runs: Measurement[]) => ({
  requestsPerSecond: spread(runs.map((run) => run.requestsPerSecond)),
  cpuMicrosecondsPerRequest: spread(runs.map((run) => run.cpuMicrosecondsPerRequest)),
  p50Ms: median(runs.map((run) => run.p50)),
  p99Ms: median(runs.map((run) => run.p99)),
  runQueueWaitMsPerRun: spread(runs.map((run) => run.runQueueWaitMs ?? 0)),
  generatorCoreShare: spread(runs.map((run) => run.generatorCoreShare)),
  non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
  errors: runs.reduce((sum, run) => sum + run.errors, 0),
});
const hostRuns = pairs.flatMap((pair) => pair.host);
const bareRuns = pairs.flatMap((pair) => pair.bare);
const cellHost = summarise(hostRuns);
const bareNode = summarise(bareRuns);
// Per round, so each ratio compares two runs taken a few seconds apart.
const ratiosOf = (pair: PairResult) =>
  pair.host.map((run, index) => {
    const other = pair.bare[index]!;
    return {
      cpuPerRequest: Number(
        (other.cpuMicrosecondsPerRequest / run.cpuMicrosecondsPerRequest).toFixed(2),
      ),
      throughput: Number((run.requestsPerSecond / other.requestsPerSecond).toFixed(2)),
    };
  });
const ratios = pairs.flatMap(ratiosOf);
const profiles =
  cpuProfileDir &&
  pairs.map((pair) => ({
    cellHost: rankedProfile(cpuProfileDir, pair.hostPid, cellHost.cpuMicrosecondsPerRequest.median),
    bareNode: rankedProfile(cpuProfileDir, pair.barePid, bareNode.cpuMicrosecondsPerRequest.median),
  }));
process.stdout.write(
  `${JSON.stringify(
    {
      machine: describeMachine(),
      database: mongo.kind,
      hostPinnedToOneCore: pairs.every((pair) => pair.pinnedToOneCore),
      serverNodeOptions: process.env.BENCH_NODE_ARGS ?? '',
      loadAverages,
      connections,
      ratePerSecond: rate ?? 'as fast as answered',
      durationSeconds: duration,
      rounds,
      processPairs,
      // The deciding figure (see the top of this file); the target is 0.5.
      hostShareOfBare: {
        byCpuPerRequest: spread(ratios.map((ratio) => ratio.cpuPerRequest)),
        byThroughput: spread(ratios.map((ratio) => ratio.throughput)),
        perProcessPair: pairs.map(ratiosOf),
      },
      cellHost,
      bareNode,
      runs: pairs.map((pair) => ({ cellHost: pair.host, bareNode: pair.bare })),
      ...(profiles && { cpuProfileSelfTimeOverMeasuredRuns: profiles }),
    },
    null,
    2,
  )}\n`,
);

/**
 * A server's CPU profile (V8 writes it when the process exits; its file name carries the process
 * id) ranked by self time over its measured runs, each share also as microseconds per request.
 */
function rankedProfile(directory: string, pid: number | undefined, cpuMicrosPerRequest: number) {
  const name = readdirSync(directory).find(
    (file) => file.includes(`.${pid}.`) && file.endsWith('.cpuprofile'),
  );
  if (!name) return undefined;
  const ranking = rankSelfTime(join(directory, name), profileWindows.get(pid) ?? []);
  const withMicros = (row: SelfTimeRow) => ({
    ...row,
    microsPerRequest: Number(((row.percent / 100) * cpuMicrosPerRequest).toFixed(1)),
  });
  return {
    file: join(directory, name),
    busySamples: ranking.busySamples,
    areas: ranking.areas.map(withMicros),
    rows: ranking.rows.map(withMicros),
  };
}

/** The bare server on the host's core, as the host is. */
async function startBareServer() {
  const { child, stop } = spawnOnCore(serverCore, ['--import', 'tsx', 'src/bare-http-server.ts'], {
    cwd: fromRoot('bench'),
    env: {
      ...process.env,
      PORT: String(barePort),
      ...(serverNodeOptions && { NODE_OPTIONS: serverNodeOptions }),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let attempt = 0; attempt < 150; attempt++) {
    const up = await fetch(`http://127.0.0.1:${barePort}/`)
      .then((response) => response.ok)
      .catch(() => false);
    if (up) return { pid: child.pid, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error('the bare node:http server never answered');
}

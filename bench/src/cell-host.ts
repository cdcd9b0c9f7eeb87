/**
 * Cell host overhead: a trivial procedure (`product.status`, no database work) served by a host
 * process pinned to ONE core, loaded by autocannon running in THIS process on the other core;
 * beside it, on the same core, a bare `node:http` server answering the same JSON
 * (`bare-http-server.ts`). Rounds alternate host and bare server, so a drifting machine load
 * hits both alike. Each measurement reports requests/s, latency and the server's CPU time per
 * request (from /proc: steadier than throughput on a shared machine).
 *
 *   pnpm --filter @shop/bench cell-host            # defaults: 10 connections, 10 s, 3 rounds
 *   BENCH_CONNECTIONS=50 BENCH_SECONDS=15 BENCH_ROUNDS=5 pnpm --filter @shop/bench cell-host
 *   BENCH_CPU_PROF=/tmp/prof pnpm --filter @shop/bench cell-host   # host CPU profile (V8),
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
import { monotonicMicros, rankSelfTime, type ProfileWindow } from './cpu-profile-ranking';
import { describeMachine } from './machine';
import { startPinnedCellHost } from './pinned-cell-host';
import { spawnOnCore } from './spawn-on-core';
import { loadAverage, processCpuMs } from './process-cpu';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
// A fixed request rate for both servers (requests/s over all connections) instead of as fast as
// they answer: on a busy machine neither gets a whole core, so a fixed rate compares the CPU each
// spends per request under the same arrivals.
const rate = process.env.BENCH_RATE ? Number(process.env.BENCH_RATE) : undefined;
const port = Number(process.env.BENCH_PORT ?? 4900);
const barePort = port + 10;
const cpuProfileDir = process.env.BENCH_CPU_PROF;
if (cpuProfileDir) mkdirSync(cpuProfileDir, { recursive: true });

const mongo = await resolveMongo({ mode: 'test', logger: pino({ level: 'warn' }) });
// First the bare server: it also stands in for the Inngest engine, which a production host's
// readiness waits to hear from once (it answers anything).
const bare = await startBareServer();
const host = await startPinnedCellHost({
  port,
  env: {
    CELLS: 'product',
    MONGODB_URI: mongo.uri,
    // Required in production for the product cell; this procedure stores no file.
    FILES_STORE: 'local',
    INNGEST_BASE_URL: `http://127.0.0.1:${barePort}`,
    ...(cpuProfileDir && { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${cpuProfileDir}` }),
  },
});

interface Measurement {
  requestsPerSecond: number;
  cpuMicrosecondsPerRequest: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function measure(target: { url: string; pid: number | undefined }): Promise<Measurement> {
  const run = (seconds: number) =>
    autocannon({
      url: `${target.url}/trpc/product.status`,
      headers: host.headers,
      connections,
      duration: seconds,
      ...(rate && { overallRate: rate }),
    });
  await run(2); // warm-up: JIT, connections
  const cpuBefore = processCpuMs(target.pid);
  const fromMicros = monotonicMicros();
  const result = await run(duration);
  const windows = profileWindows.get(target.pid) ?? [];
  profileWindows.set(target.pid, [...windows, { fromMicros, toMicros: monotonicMicros() }]);
  const cpuMs = processCpuMs(target.pid) - cpuBefore;
  return {
    requestsPerSecond: Math.round(result.requests.average),
    cpuMicrosecondsPerRequest: Math.round((cpuMs * 1000) / Math.max(1, result.requests.total)),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

// Each server's measured runs, to rank its CPU profile over them only (not start-up or warm-up).
const profileWindows = new Map<number | undefined, ProfileWindow[]>();
const hostRuns: Measurement[] = [];
const bareRuns: Measurement[] = [];
const loadAverages: string[] = [loadAverage()];
try {
  for (let round = 0; round < rounds; round++) {
    hostRuns.push(await measure({ url: host.url, pid: host.pid }));
    bareRuns.push(await measure({ url: `http://127.0.0.1:${barePort}`, pid: bare.pid }));
    loadAverages.push(loadAverage());
  }
} finally {
  await host.stop();
  await bare.stop();
  await mongo.stop();
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const summarise = (runs: Measurement[]) => ({
  requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
  cpuMicrosecondsPerRequest: median(runs.map((run) => run.cpuMicrosecondsPerRequest)),
  p50Ms: median(runs.map((run) => run.p50)),
  p99Ms: median(runs.map((run) => run.p99)),
  non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
  errors: runs.reduce((sum, run) => sum + run.errors, 0),
});
const cellHost = summarise(hostRuns);
const bareNode = summarise(bareRuns);
const profiles = cpuProfileDir && {
  cellHost: rankedProfile(cpuProfileDir, host.pid, cellHost.cpuMicrosecondsPerRequest),
  bareNode: rankedProfile(cpuProfileDir, bare.pid, bareNode.cpuMicrosecondsPerRequest),
};
// Per round, so each ratio compares two runs taken a few seconds apart.
const ratios = hostRuns.map((run, index) => {
  const other = bareRuns[index]!;
  return {
    throughput: Number((run.requestsPerSecond / other.requestsPerSecond).toFixed(2)),
    cpuPerRequest: Number(
      (other.cpuMicrosecondsPerRequest / run.cpuMicrosecondsPerRequest).toFixed(2),
    ),
  };
});
process.stdout.write(
  `${JSON.stringify(
    {
      machine: describeMachine(),
      database: mongo.kind,
      hostPinnedToOneCore: host.pinnedToOneCore,
      loadAverages,
      connections,
      ratePerSecond: rate ?? 'as fast as answered',
      durationSeconds: duration,
      rounds,
      cellHost,
      bareNode,
      hostShareOfBare: {
        throughputMedian: median(ratios.map((ratio) => ratio.throughput)),
        cpuPerRequestMedian: median(ratios.map((ratio) => ratio.cpuPerRequest)),
        perRound: ratios,
      },
      runs: { cellHost: hostRuns, bareNode: bareRuns },
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
  return {
    file: join(directory, name),
    busySamples: ranking.busySamples,
    rows: ranking.rows.map((row) => ({
      ...row,
      microsPerRequest: Number(((row.percent / 100) * cpuMicrosPerRequest).toFixed(1)),
    })),
  };
}

/** The bare server on the host's core (core 0), as the host is. */
async function startBareServer() {
  const { child, stop } = spawnOnCore(0, ['--import', 'tsx', 'src/bare-http-server.ts'], {
    cwd: fromRoot('bench'),
    env: {
      ...process.env,
      PORT: String(barePort),
      ...(cpuProfileDir && { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${cpuProfileDir}` }),
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

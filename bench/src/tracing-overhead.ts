/**
 * What tracing costs a cell host (issue 16): the same trivial procedure (`product.status`) served
 * by a host pinned to one core, with OTEL_EXPORTER_OTLP_ENDPOINT unset (tracing off: nothing
 * installed) and set to a local OTLP sink (spans made for the request, its handler and exported
 * in batches). Rounds alternate off/on so a drifting machine load hits both alike.
 *
 *   pnpm --filter @shop/bench tracing-overhead     # defaults: 10 connections, 10 s, 2 rounds
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { resolveMongo } from '@shop/db/mongo';
import pino from 'pino';
import { describeMachine } from './machine';
import { startPinnedCellHost } from './pinned-cell-host';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const port = Number(process.env.BENCH_PORT ?? 4901);

// A collector stand-in: accepts OTLP/HTTP trace exports and counts what arrived.
let exportRequests = 0;
let exportBytes = 0;
const sink = createServer((req, res) => {
  req.on('data', (chunk: Buffer) => (exportBytes += chunk.length));
  req.on('end', () => {
    exportRequests += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;

/** User plus system CPU time of a process, in ms (Linux /proc; clock ticks are 10 ms). */
function hostCpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const mongo = await resolveMongo({ mode: 'test', logger: pino({ level: 'warn' }) });

async function measure(tracing: boolean) {
  const host = await startPinnedCellHost({
    port,
    env: {
      CELLS: 'product',
      MONGODB_URI: mongo.uri,
      // Required in production for the product cell; this procedure stores no file.
      FILES_STORE: 'local',
      // Readiness waits for the Inngest engine to answer once; the sink answers anything.
      INNGEST_BASE_URL: sinkUrl,
      OTEL_EXPORTER_OTLP_ENDPOINT: tracing ? sinkUrl : '',
    },
  });
  try {
    const run = (seconds: number) =>
      autocannon({
        url: `http://127.0.0.1:${port}/trpc/product.status`,
        headers: host.headers,
        connections,
        duration: seconds,
      });
    await run(3); // warm-up: JIT, pools
    const cpuBefore = hostCpuMs(host.pid);
    const result = await run(duration);
    const cpuMs = hostCpuMs(host.pid) - cpuBefore;
    return {
      // CPU the host spent per request: steadier than throughput on a shared, loaded machine.
      cpuMicrosecondsPerRequest: Math.round((cpuMs * 1000) / Math.max(1, result.requests.total)),
      requestsPerSecond: Math.round(result.requests.average),
      p50: result.latency.p50,
      p99: result.latency.p99,
      non2xx: result.non2xx,
    };
  } finally {
    await host.stop();
  }
}

const off: Awaited<ReturnType<typeof measure>>[] = [];
const on: Awaited<ReturnType<typeof measure>>[] = [];
try {
  for (let round = 0; round < rounds; round++) {
    off.push(await measure(false));
    on.push(await measure(true));
  }
} finally {
  await mongo.stop();
  sink.close();
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const summarise = (runs: typeof off) => ({
  cpuMicrosecondsPerRequest: median(runs.map((run) => run.cpuMicrosecondsPerRequest)),
  requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
  p50Ms: median(runs.map((run) => run.p50)),
  p99Ms: median(runs.map((run) => run.p99)),
  non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
});
const tracingOff = summarise(off);
const tracingOn = summarise(on);
console.log(
  JSON.stringify(
    {
      machine: describeMachine(),
      database: mongo.kind,
      connections,
      durationSeconds: duration,
      rounds,
      tracingOff,
      tracingOn,
      throughputChange: `${(((tracingOn.requestsPerSecond - tracingOff.requestsPerSecond) / tracingOff.requestsPerSecond) * 100).toFixed(1)} %`,
      exported: { requests: exportRequests, bytes: exportBytes },
      runs: { off, on },
    },
    null,
    2,
  ),
);

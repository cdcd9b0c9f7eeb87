/**
 * Cell host overhead: a trivial procedure (`product.status`, no database work) served by a host
 * process pinned to ONE core, loaded by autocannon running in THIS process on the other core.
 *
 *   pnpm --filter @shop/bench cell-host            # defaults: 10 connections, 15 s
 *   BENCH_CONNECTIONS=50 BENCH_SECONDS=30 pnpm --filter @shop/bench cell-host
 */
import autocannon from 'autocannon';
import { resolveMongo } from '@shop/db/mongo';
import pino from 'pino';
import { describeMachine } from './machine';
import { startPinnedCellHost } from './pinned-cell-host';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const duration = Number(process.env.BENCH_SECONDS ?? 15);
const port = Number(process.env.BENCH_PORT ?? 4900);
const url = `http://127.0.0.1:${port}`;

const mongo = await resolveMongo({ mode: 'test', logger: pino({ level: 'warn' }) });
const host = await startPinnedCellHost({
  port,
  env: {
    CELLS: 'product',
    MONGODB_URI: mongo.uri,
  },
});

try {
  // Warm-up so JIT and connection pools are settled before measuring.
  await run(3);
  const result = await run(duration);
  const summary = {
    machine: describeMachine(),
    database: mongo.kind,
    hostPinnedToOneCore: host.pinnedToOneCore,
    connections,
    durationSeconds: duration,
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    non2xx: result.non2xx,
    errors: result.errors,
  };
  console.log(JSON.stringify(summary, null, 2));
} finally {
  await host.stop();
  await mongo.stop();
}

function run(seconds: number) {
  return autocannon({
    url: `${url}/trpc/product.status`,
    headers: host.headers,
    connections,
    duration: seconds,
  });
}

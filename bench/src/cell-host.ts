/**
 * Cell host overhead: a trivial procedure (`product.status`, no database work) served by a host
 * process pinned to ONE core, loaded by autocannon running in THIS process on the other core.
 *
 *   pnpm --filter @shop/bench cell-host            # defaults: 10 connections, 15 s
 *   BENCH_CONNECTIONS=50 BENCH_SECONDS=30 pnpm --filter @shop/bench cell-host
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import autocannon from 'autocannon';
import { resolveMongo } from '@shop/db/mongo';
import pino from 'pino';
import { fromRoot } from '@shop/stack/repo-root';
import { describeMachine } from './machine';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const duration = Number(process.env.BENCH_SECONDS ?? 15);
const port = Number(process.env.BENCH_PORT ?? 4900);
const url = `http://127.0.0.1:${port}`;

const hasTaskset = (() => {
  try {
    execFileSync('taskset', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const mongo = await resolveMongo({ mode: 'test', logger: pino({ level: 'warn' }) });
const hostArgs = ['--import', 'tsx', 'src/host/main.ts'];
const host = spawn(
  hasTaskset ? 'taskset' : process.execPath,
  hasTaskset ? ['-c', '0', process.execPath, ...hostArgs] : hostArgs,
  {
    cwd: fromRoot('packages/api'),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      CELLS: 'product',
      PORT: String(port),
      HOST: '127.0.0.1',
      MONGODB_URI: mongo.uri,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);
if (hasTaskset)
  execFileSync('taskset', ['-p', '-c', '1', String(process.pid)], { stdio: 'ignore' });

try {
  await waitUntilReady(`${url}/readyz`);
  // Warm-up so JIT and connection pools are settled before measuring.
  await run(3);
  const result = await run(duration);
  const summary = {
    machine: describeMachine(),
    database: mongo.kind,
    hostPinnedToOneCore: hasTaskset,
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
  host.kill('SIGTERM');
  await new Promise((resolve) => host.once('exit', resolve));
  await mongo.stop();
}

function run(seconds: number) {
  return autocannon({
    url: `${url}/trpc/product.status`,
    connections,
    duration: seconds,
  });
}

async function waitUntilReady(readyUrl: string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const ok = await fetch(readyUrl)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`cell host at ${url} never became ready`);
}

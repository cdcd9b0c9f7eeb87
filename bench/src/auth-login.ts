/**
 * Sign-in throughput and latency: `auth.login` over HTTP to an auth cell host (its own process,
 * pinned to one core when `taskset` exists), with bcrypt at the cost the cell uses (12 unless
 * BENCH_BCRYPT_COST says otherwise), loaded by autocannon from this process. Every request is
 * a successful sign-in of one registered account (failures would be throttled after 5).
 *
 *   pnpm --filter @shop/bench auth-login                 # 4 connections, 15 s, cost 12
 *   BENCH_BCRYPT_COST=10 BENCH_CONNECTIONS=8 pnpm --filter @shop/bench auth-login
 */
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { resolveMongo } from '@shop/db/mongo';
import pino from 'pino';
import { describeMachine } from './machine';
import { startPinnedCellHost } from './pinned-cell-host';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 4);
const duration = Number(process.env.BENCH_SECONDS ?? 15);
const port = Number(process.env.BENCH_PORT ?? 4910);
const bcryptCost = process.env.BENCH_BCRYPT_COST ?? '12';
const url = `http://127.0.0.1:${port}`;
const account = { email: 'bench-login@example.com', password: 'bench login passphrase' };

const mongo = await resolveMongo({ mode: 'test', logger: pino({ level: 'warn' }) });
const host = await startPinnedCellHost({
  port,
  env: {
    CELLS: 'auth',
    MONGODB_URI: mongo.uri,
    AUTH_BCRYPT_COST: bcryptCost,
    // Registration sends events (user.registered, the verification email); none is needed here.
    // With no event key and no executor at this address the sends fail, logged as warnings only.
    INNGEST_BASE_URL: 'http://127.0.0.1:9',
  },
});

try {
  const registered = await fetch(`${url}/trpc/auth.register`, {
    method: 'POST',
    headers: { ...host.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ ...account, name: 'Bench Login' }),
  });
  if (!registered.ok) throw new Error(`register failed: ${await registered.text()}`);

  await run(3); // warm-up
  // autocannon abandons the requests still in flight when a run ends; the cell finishes them.
  // Until they have, their attempts count against the account's throttle, and a run starting on
  // top of them would measure 429s rather than sign-ins.
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const result = await run(duration);
  process.stdout.write(
    JSON.stringify(
      {
        machine: describeMachine(),
        database: mongo.kind,
        hostPinnedToOneCore: host.pinnedToOneCore,
        loadAverage1m: Number(loadavg()[0]!.toFixed(2)),
        bcryptCost: Number(bcryptCost),
        connections,
        durationSeconds: duration,
        loginsPerSecond: Number(result.requests.average.toFixed(1)),
        latencyMs: {
          p50: result.latency.p50,
          p90: result.latency.p90,
          p99: result.latency.p99,
          max: result.latency.max,
        },
        non2xx: result.non2xx,
        errors: result.errors,
      },
      null,
      2,
    ) + '\n',
  );
} finally {
  await host.stop();
  await mongo.stop();
}

function run(seconds: number) {
  return autocannon({
    url: `${url}/trpc/auth.login`,
    method: 'POST',
    headers: { ...host.headers, 'content-type': 'application/json' },
    body: JSON.stringify(account),
    connections,
    duration: seconds,
  });
}

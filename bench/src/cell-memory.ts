/**
 * Memory of a cell host by what it hosts: one process per domain (as deployed, one pod per cell)
 * and one hosting all nine (development). Each host is started as deployed (`src/host/main.ts`
 * through tsx), waits until `/readyz` answers, serves a few `<domain>.status` calls, settles, and
 * its resident set size is read from /proc. A host loads only the code of the cells it hosts.
 *
 *   pnpm --filter @shop/bench cell-memory
 *
 * With BENCH_CELL_IMAGE=<dir>, the hosts run what the cell image runs instead: the bundle built by
 * `pnpm --filter @shop/api build:cell-image <dir>`, with plain node. BENCH_HOST_NODE_ARGS passes
 * Node options to the hosts only (`--max-semi-space-size=8`); BENCH_CELLS measures only the hosts
 * named (`order,all`).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { domains } from '@shop/api/client';
import { resolveMongo } from '@shop/db/mongo';
import { fromRoot } from '@shop/stack/repo-root';
import pino from 'pino';
import { describeMachine } from './machine';

const port = Number(process.env.BENCH_PORT ?? 4950);
const url = `http://127.0.0.1:${port}`;
const settleMs = 2_000;

function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return Math.round(kib / 1024);
}

const cellImage = process.env.BENCH_CELL_IMAGE;
const hostNodeArgs = (process.env.BENCH_HOST_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
const hostCommand = cellImage
  ? { args: [...hostNodeArgs, 'packages/api/dist/cell-host/main.mjs'], cwd: cellImage }
  : {
      args: [...hostNodeArgs, '--import', 'tsx', 'src/host/main.ts'],
      cwd: fromRoot('packages/api'),
    };
const measured = process.env.BENCH_CELLS?.split(',') ?? [...domains, 'all'];

async function measure(cells: string, mongoUri: string): Promise<number> {
  const host = spawn(process.execPath, hostCommand.args, {
    cwd: hostCommand.cwd,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      PORT: String(port),
      HOST: '127.0.0.1',
      CELLS: cells,
      MONGODB_URI: mongoUri,
      SHOP_CELL_URL: url,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => host.once('exit', () => resolve()));
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const ready = await fetch(`${url}/readyz`).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) break;
      if (host.exitCode !== null) throw new Error(`host for ${cells} exited ${host.exitCode}`);
      if (Date.now() > deadline) throw new Error(`host for ${cells} never became ready`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const probe = cells === 'all' ? 'product' : cells;
    // A development host (no NODE_ENV=production) answers anyone unless this shell hands it a
    // CELL_SERVICE_TOKEN; then it wants the credential too, and a refused call would warm nothing.
    const credential = process.env.CELL_SERVICE_TOKEN;
    const headers: Record<string, string> = credential ? { 'x-shop-cell-token': credential } : {};
    for (let call = 0; call < 20; call += 1) {
      const response = await fetch(`${url}/trpc/${probe}.status`, { headers });
      if (!response.ok) throw new Error(`${probe}.status answered ${response.status}`);
    }
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    const rss = residentMiB(host.pid ?? 0);
    console.error(`${cells}: ${rss} MiB (pid ${host.pid})`);
    return rss;
  } finally {
    host.kill('SIGTERM');
    await exited;
  }
}

const mongo = await resolveMongo({ mode: 'test', logger: pino({ level: 'warn' }) });
try {
  const rssMiB: Record<string, number> = {};
  for (const cells of measured) rssMiB[cells] = await measure(cells, mongo.uri);
  console.log(
    JSON.stringify(
      {
        machine: describeMachine(),
        database: mongo.kind,
        host: cellImage ? 'image bundle, plain node' : 'source through tsx',
        hostNodeArgs: hostNodeArgs.join(' '),
        rssMiB,
      },
      null,
      2,
    ),
  );
} finally {
  await mongo.stop();
}

import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from '@shop/stack/repo-root';
import { moveThisProcessToCore, spawnOnCore } from './spawn-on-core';

export interface PinnedCellHost {
  url: string;
  /**
   * The internal credential every request to the host must carry (a production host answers
   * procedures only to callers presenting it: docs/security/edge.md).
   */
  headers: Record<string, string>;
  /** False where `taskset` is missing: host and load generator then share both cores. */
  pinnedToOneCore: boolean;
  /** The host's process id (for reading its CPU time from /proc). */
  pid: number | undefined;
  /** SIGTERM, then resolves once the host has exited. */
  stop(): Promise<void>;
}

// BENCH_CELL_IMAGE=<dir>: run what the cell image runs (the esbuild bundle written by
// `pnpm --filter @shop/api build:cell-image <dir>`, plain node) instead of the source through tsx.
const cellImage = process.env.BENCH_CELL_IMAGE;

function hostCommand(): string[] {
  if (!cellImage) return ['--import', 'tsx', 'src/host/main.ts'];
  const bundle = 'packages/api/dist/cell-host/main.mjs';
  if (!existsSync(join(cellImage, bundle))) {
    throw new Error(`BENCH_CELL_IMAGE=${cellImage} holds no ${bundle}: build it first`);
  }
  return [bundle];
}

/**
 * Starts a cell host (`src/host/main.ts` through tsx, or the cell image's bundle with
 * BENCH_CELL_IMAGE) in its own process pinned to core 0, moves THIS process (the load generator)
 * to core 1, and resolves once `/readyz` answers: so a figure measures one core of cell, not a
 * cell fighting its own load generator.
 */
export async function startPinnedCellHost(options: {
  port: number;
  env: Record<string, string>;
}): Promise<PinnedCellHost> {
  const url = `http://127.0.0.1:${options.port}`;
  const cellServiceToken = randomBytes(32).toString('base64url');
  const headers = { 'x-shop-cell-token': cellServiceToken };
  const host = spawnOnCore(0, hostCommand(), {
    cwd: cellImage ?? fromRoot('packages/api'),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: String(options.port),
      HOST: '127.0.0.1',
      // A production host refuses to start without these; a benchmark host reaches every cell
      // at its own address, and the storefront, SMTP and Stripe it would talk to are absent.
      SHOP_CELL_URL: url,
      STOREFRONT_PUBLIC_URL: 'http://127.0.0.1:3000',
      STOREFRONT_INTERNAL_URL: 'http://127.0.0.1:3000',
      REVALIDATE_SECRET: randomBytes(32).toString('base64url'),
      SERVICE_TOKEN_SECRET: randomBytes(32).toString('base64url'),
      CELL_SERVICE_TOKEN: cellServiceToken,
      // Production refuses unsigned Inngest calls; a benchmark host has no Inngest server.
      INNGEST_SIGNING_KEY: `signkey-bench-${randomBytes(16).toString('hex')}`,
      SMTP_URL: 'smtp://127.0.0.1:1025',
      PAYMENTS_TEST_MODE: '1',
      ...options.env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const { pinned, stop } = host;
  moveThisProcessToCore(1);

  // A loaded machine can take longer to start a host (BENCH_READY_TIMEOUT_MS).
  const deadline = Date.now() + Number(process.env.BENCH_READY_TIMEOUT_MS ?? 30_000);
  while (Date.now() < deadline) {
    const ready = await fetch(`${url}/readyz`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ready) return { url, headers, pinnedToOneCore: pinned, pid: host.child.pid, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`cell host at ${url} never became ready`);
}

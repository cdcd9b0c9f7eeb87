/**
 * Cold start of `pnpm dev`: wall time from launching it to the first storefront page served
 * (HTTP 200 for `/`). "Cold" removes the apps' `.next` folders first, as on a fresh clone; "warm"
 * starts again with the caches the cold run left.
 *
 *   pnpm --filter @shop/bench dev-cold-start
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fromRoot } from '@shop/stack/repo-root';
import { describeMachine } from './machine';

const storefront = 'http://127.0.0.1:3000/';

async function measure(label: 'cold' | 'warm'): Promise<number> {
  if (label === 'cold') {
    for (const app of ['storefront', 'admin']) {
      rmSync(fromRoot(`apps/${app}/.next`), { recursive: true, force: true });
    }
  }
  const alreadyServing = await fetch(storefront).then(
    () => true,
    () => false,
  );
  if (alreadyServing)
    throw new Error(`${storefront} is already taken: stop the running platform first`);
  const started = performance.now();
  const dev = spawn('pnpm', ['dev'], { cwd: fromRoot(), stdio: 'ignore', detached: true });
  try {
    for (;;) {
      const status = await fetch(storefront, { signal: AbortSignal.timeout(60_000) })
        .then((response) => response.status)
        .catch(() => 0);
      if (status === 200) return (performance.now() - started) / 1000;
      if (performance.now() - started > 300_000) throw new Error('storefront never answered 200');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    // The launcher stops its children on SIGTERM; signal the whole group because pnpm sits between.
    if (dev.exitCode === null) {
      const exited = new Promise((resolve) => dev.once('exit', resolve));
      process.kill(-dev.pid!, 'SIGTERM');
      await exited;
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

const cold = await measure('cold');
const warm = await measure('warm');
console.log(
  JSON.stringify(
    { machine: describeMachine(), coldSeconds: cold.toFixed(1), warmSeconds: warm.toFixed(1) },
    null,
    2,
  ),
);

/**
 * `pnpm bench:load`: the whole platform under a shoppers' mix, open model (Artillery's fixed
 * arrival rate: slowness shows as latency, not as fewer requests), on loopback only.
 *
 *   pnpm bench:load                                   # both layouts, 10 arrivals/s, 60 s each
 *   LOAD_MODE=each LOAD_RATE=20 LOAD_SECONDS=120 pnpm bench:load
 *   LOAD_SEARCH=1 pnpm bench:load                     # + the highest rate holding p95 < 500 ms
 *
 * Needs the storefront's production build (pnpm --filter @shop/storefront build). Ports from
 * LOAD_BASE_PORT (default 5700; the e2e and dev stacks' ports are not used). Each arrival is one
 * shopper's visit of 2-8 requests; the report gives the requests/s achieved. Reports go to stdout
 * and /tmp/shop-load/<layout>/; the parts' logs to /tmp/shop-load/<layout>/<part>.log.
 */
import { cellLayouts, type CellLayout } from '@shop/stack';
import { describeMachine } from '../machine';
import { formatMeasurement } from './format-report';
import { pickLoadData } from './load-data';
import { loadOptions } from './load-options';
import { startLoadStack } from './load-stack';
import { holds, measureLoad, warmUp, type Measurement } from './measure-load';

const options = loadOptions();
const layouts: CellLayout[] = options.LOAD_MODE === 'both' ? [...cellLayouts] : [options.LOAD_MODE];
process.env.LOG_LEVEL ??= 'warn';

const out = (text: string) => process.stdout.write(`${text}\n`);
out(`Machine: ${describeMachine()}`);

for (const layout of layouts) {
  const title = layout === 'one' ? 'all cells in one host' : 'each cell in its own host';
  const stack = await startLoadStack(layout, options.LOAD_BASE_PORT);
  try {
    out(`\n## ${title} (database: ${stack.databaseKind})\n`);
    const data = await pickLoadData(stack.databaseUri, stack.demoAccounts);
    const runDir = (name: string) => `/tmp/shop-load/${layout}/${name}`;
    await warmUp(stack, data, runDir('warm-up'));
    const measured = await measureLoad(stack, data, {
      rate: options.LOAD_RATE,
      seconds: options.LOAD_SECONDS,
      runDir: runDir(`rate-${options.LOAD_RATE}`),
    });
    out(formatMeasurement(title, measured));
    if (options.LOAD_SEARCH) {
      const best = await stepSearch((rate) =>
        measureLoad(stack, data, { rate, seconds: 30, runDir: runDir(`search-${rate}`) }),
      );
      out(
        best
          ? formatMeasurement(`${title}, highest rate held`, best)
          : 'No rate held (p95 < 500 ms, no errors).',
      );
    }
  } finally {
    await stack.stop();
  }
}
process.exit(0);

/**
 * A short step search: double the arrival rate from 2/s until a run fails (p95 >= 500 ms or any
 * error), then bisect twice between the last held rate and the first failed one. 30 s per step.
 */
async function stepSearch(
  run: (rate: number) => Promise<Measurement>,
): Promise<Measurement | undefined> {
  let held: Measurement | undefined;
  let failedRate: number | undefined;
  for (let rate = 2; rate <= 256; rate *= 2) {
    const m = await run(rate);
    out(
      `  step ${rate}/s: p95 ${Math.round(m.result.overall?.p95 ?? 0)} ms, errors ${JSON.stringify(m.result.errors)}, load ${m.loadAverage.end} -> ${holds(m) ? 'held' : 'failed'}`,
    );
    if (!holds(m)) {
      failedRate = rate;
      break;
    }
    held = m;
  }
  for (let step = 0; step < 2 && held && failedRate; step += 1) {
    const rate = Math.round((held.rate + failedRate) / 2);
    if (rate === held.rate || rate === failedRate) break;
    const m = await run(rate);
    out(
      `  step ${rate}/s: p95 ${Math.round(m.result.overall?.p95 ?? 0)} ms, errors ${JSON.stringify(m.result.errors)}, load ${m.loadAverage.end} -> ${holds(m) ? 'held' : 'failed'}`,
    );
    if (holds(m)) held = m;
    else failedRate = rate;
  }
  return held;
}

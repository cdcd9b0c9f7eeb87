import { exitOnConfigError } from '@shop/env';
import { seedConfig } from '../config';
import pino from 'pino';
import { resolveMongo } from '../mongo/resolve-mongo';
import { formatAccountsTable } from './format-accounts-table';
import { seedDemoData } from './seed-demo-data';

/**
 * `pnpm --filter @shop/db seed [--products N]` (or `pnpm seed`): seeds MONGODB_URI, or, when unset, the local
 * dev database under `.data/mongo` that `pnpm dev` uses (run it while the stack is stopped: the
 * in-memory fallback would otherwise overwrite this with its own copy when it stops).
 */
async function main(): Promise<void> {
  const config = exitOnConfigError(seedConfig);
  const logger = pino({ name: 'seed', level: config.LOG_LEVEL });
  const mongo = await resolveMongo({ mode: 'dev', logger });
  try {
    const started = performance.now();
    const summary = await seedDemoData({ uri: mongo.uri, productCount: productCountFlag() });
    logger.info(
      {
        kind: mongo.kind,
        catalog: summary.catalog,
        counts: summary.counts,
        ms: Math.round(performance.now() - started),
      },
      'demo data seeded',
    );
    process.stdout.write(`\nDemo accounts\n\n${formatAccountsTable(summary.accounts)}\n\n`);
  } finally {
    await mongo.stop();
  }
}

/** `--products 100000` or `--products=100000`: the generated catalog's size (default 2,000). */
function productCountFlag(): number | undefined {
  const args = process.argv.slice(2);
  const index = args.findIndex((arg) => arg === '--products' || arg.startsWith('--products='));
  if (index === -1) return undefined;
  const arg = args[index] ?? '';
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index + 1];
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0 || count > 1_000_000) {
    throw new Error(`--products needs a whole number from 0 to 1000000, got ${String(value)}`);
  }
  return count;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

import pino from 'pino';
import { resolveMongo } from '../mongo/resolve-mongo';
import { formatAccountsTable } from './format-accounts-table';
import { seedDemoData } from './seed-demo-data';

/**
 * `pnpm --filter @shop/db seed` (or `pnpm seed`): seeds MONGODB_URI, or, when unset, the local
 * dev database under `.data/mongo` that `pnpm dev` uses (run it while the stack is stopped: the
 * in-memory fallback would otherwise overwrite this with its own copy when it stops).
 */
async function main(): Promise<void> {
  const logger = pino({ name: 'seed', level: process.env.LOG_LEVEL ?? 'info' });
  const mongo = await resolveMongo({ mode: 'dev', logger });
  try {
    const started = performance.now();
    const summary = await seedDemoData({ uri: mongo.uri });
    logger.info(
      { kind: mongo.kind, counts: summary.counts, ms: Math.round(performance.now() - started) },
      'demo data seeded',
    );
    process.stdout.write(`\nDemo accounts\n\n${formatAccountsTable(summary.accounts)}\n\n`);
  } finally {
    await mongo.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

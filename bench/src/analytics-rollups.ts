/**
 * Runs the analytics cell's rollup job once against `MONGODB_URI` and prints what it rebuilt:
 * `analytics.ts` starts it as a child process, so the cell's code reads the bench database's
 * address from its own environment, as on a cell host.
 */
import { closeDatabaseConnections } from '@shop/db';
import { runRollups } from '../../packages/api/src/cells/analytics/rollup-schedule';

const now = new Date(Number(process.env.BENCH_NOW ?? Date.now()));
const run = await runRollups(now);
process.stdout.write(
  `${JSON.stringify({
    rebuiltDays: run.rebuiltDays.length,
    rebuiltCartDays: run.rebuiltCartDays,
    rebuiltCustomers: run.rebuiltCustomers,
  })}\n`,
);
await closeDatabaseConnections();

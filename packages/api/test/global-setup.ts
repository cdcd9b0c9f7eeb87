import { randomBytes } from 'node:crypto';
import { mongoGlobalSetup } from '@shop/db/testing';
import { dropDatabasesWithPrefix } from './support/drop-databases';
import { utcDay } from './support/seed-file-databases';

/**
 * One MongoDB for the run, and retries on the real engine's schedule scaled to 1/200 for any
 * executor a test starts without its own tuning (the same scale `host-with-executor` passes).
 * Then the run's one seed of the demo shop, into template databases that each test file copies
 * into its own (`support/seed-file-databases.ts`). A server given by MONGODB_URI outlives the run,
 * so there the template is dropped at the end, unless `KEEP_TEST_DATABASES=1`.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  process.env.INNGEST_LOCAL_RETRY_SCALE ??= '0.005';
  const external = Boolean(process.env.MONGODB_URI);
  const stopMongo = await mongoGlobalSetup();
  const templatePrefix = `seed${randomBytes(4).toString('hex')}_`;
  const day = utcDay(new Date());
  const { seedDemoData } = await import('@shop/db/seed');
  // The URI explicitly: this process's configuration was read before the server was chosen.
  await seedDemoData({ uri: process.env.MONGODB_URI, dbNamePrefix: templatePrefix });
  process.env.TEST_SEED_TEMPLATE_PREFIX = templatePrefix;
  process.env.TEST_SEED_TEMPLATE_DAY = day;
  return async () => {
    if (external && process.env.KEEP_TEST_DATABASES !== '1')
      await dropDatabasesWithPrefix(
        process.env.MONGODB_URI!,
        templatePrefix,
        "the seed's template databases",
      );
    await stopMongo();
  };
}

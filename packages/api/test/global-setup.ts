import { mongoGlobalSetup } from '@shop/db/testing';

/**
 * One MongoDB for the run, and retries on the real engine's schedule scaled to 1/200 for any
 * executor a test starts without its own tuning (the same scale `host-with-executor` passes).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  process.env.INNGEST_LOCAL_RETRY_SCALE ??= '0.005';
  return mongoGlobalSetup();
}

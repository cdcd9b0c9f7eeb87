import { seedDemoData } from '@shop/db/seed';
import { isolateTestDatabases } from '@shop/db/testing';
import { forgetSigningKeys } from '../../src/cells/auth/signing-keys';

/**
 * The demo data with a small catalogue, in databases of this file's own: every kind of record
 * is there (accounts, orders, reviews...), and digesting every collection takes milliseconds,
 * not the seconds 2,000 products and their 9,000 inventory rows take on the in-memory stand-in.
 */
export async function smallSeededDatabases(): Promise<void> {
  isolateTestDatabases();
  forgetSigningKeys();
  await seedDemoData({ productCount: 60 });
}

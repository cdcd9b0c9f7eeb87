import { closeDatabaseConnections } from '@shop/db';
import pino from 'pino';
import { forgetSigningKeys } from '../../src/cells/auth/signing-keys';
import type { Domain } from '../../src/domains';
import { createCellHost, type CellHost, type CellHostOptions } from '../../src/host';
import { seedFileDatabases } from './seed-file-databases';

/**
 * Databases of this test file's own (random prefix) filled with the demo data
 * (`seedFileDatabases`). Call once per file, before starting hosts.
 */
export async function seededTestDatabases(): Promise<void> {
  forgetSigningKeys();
  await seedFileDatabases();
}

export function startTestHost(
  cells: readonly Domain[] | 'all',
  options: Partial<CellHostOptions> = {},
): Promise<CellHost> {
  return createCellHost({
    cells,
    port: 0,
    host: '127.0.0.1',
    logger: pino({ level: 'silent' }),
    ...options,
  });
}

/** Closes hosts, then the database connections they opened. */
export async function stopTestHosts(...hosts: (CellHost | undefined)[]): Promise<void> {
  await Promise.all(hosts.map((host) => host?.close()));
  await closeDatabaseConnections();
}

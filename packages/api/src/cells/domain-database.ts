import { connectDomainDatabase, databaseName, pingDatabase, type DatabaseDomain } from '@shop/db';
import type { Connection } from 'mongoose';
import type { CellDatabase } from './cell-definition';

export interface DomainDatabase<TModels> {
  /** What the host connects at start and pings for `/readyz`. */
  database: CellDatabase;
  /** The cell's models, bound to its own database connection (connected on first use). */
  models(): Promise<TModels>;
}

/**
 * A cell's own database and models. The connection is shared by every call and bound to the
 * models once; only the owning cell constructs this for its domain.
 */
export function domainDatabase<TModels = Record<string, never>>(
  domain: DatabaseDomain,
  bindModels: (connection: Connection) => TModels = () => ({}) as TModels,
): DomainDatabase<TModels> {
  let bound: { connection: Connection; models: TModels } | undefined;
  const connection = () => connectDomainDatabase(domain);
  return {
    database: {
      // Evaluated when reported, so a test's database prefix shows.
      get name() {
        return databaseName(domain);
      },
      connect: async () => {
        await connection();
      },
      ping: async () => {
        await pingDatabase(await connection());
      },
    },
    models: async () => {
      const open = await connection();
      // A new connection (after a test closed the old one) gets its models bound afresh.
      if (bound?.connection !== open) bound = { connection: open, models: bindModels(open) };
      return bound.models;
    },
  };
}

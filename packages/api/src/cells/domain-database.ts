import { connectDomainDatabase, databaseName, pingDatabase, type DatabaseDomain } from '@shop/db';
import type { Connection, Model } from 'mongoose';
import { rootLogger } from '../observability/logger';
import type { CellDatabase } from './cell-definition';

export interface DomainDatabase<TModels> {
  /**
   * What the host connects at start (binding the models and waiting for their collections and
   * indexes) and pings for `/readyz`.
   */
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
  const models = async () => {
    const open = await connection();
    // A new connection (after a test closed the old one) gets its models bound afresh.
    if (bound?.connection !== open) bound = { connection: open, models: bindModels(open) };
    return bound.models;
  };
  return {
    database: {
      // Evaluated when reported, so a test's database prefix shows.
      get name() {
        return databaseName(domain);
      },
      connect: async () => {
        await readyModels(domain, await models());
      },
      ping: async () => {
        await pingDatabase(await connection());
      },
    },
    models,
  };
}

/**
 * Waits for each model's start-up work (createCollection and createIndexes, which mongoose starts
 * on binding). Without this the pod answered its first requests while that work still ran, and a
 * query could wait behind an index build. A failed index is logged, not fatal: the pod still
 * serves, and the operator sees which model and why.
 */
async function readyModels(domain: DatabaseDomain, models: unknown): Promise<void> {
  const bound = Object.values(models as Record<string, unknown>).filter(isModel);
  await Promise.all(
    bound.map((model) =>
      model.init().catch((error: unknown) => {
        rootLogger.warn(
          {
            domain,
            model: model.modelName,
            error: error instanceof Error ? error.message : String(error),
          },
          'model start-up failed',
        );
      }),
    ),
  );
}

function isModel(value: unknown): value is Model<unknown> {
  return typeof value === 'function' && 'modelName' in value && 'init' in value;
}

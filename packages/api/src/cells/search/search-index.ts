import { connectDomainDatabase, databaseName, pingDatabase } from '@shop/db';
import { rootLogger } from '../../observability/logger';
import type { CellDatabase } from '../cell-definition';
import { openCatalogSource } from './catalog-source';
import { IndexSync } from './index-sync';
import { syncSettingsFromEnv } from './sync-settings';

const logger = rootLogger.child({ cell: 'search', component: 'search-index' });

/** This process's replica of the search index, kept fresh from products_db. */
export const searchIndex = new IndexSync(openCatalogSource, {
  ...syncSettingsFromEnv(process.env, logger),
  logger,
});

/**
 * What `/readyz` checks for the search cell: products_db answers AND the first index build is
 * done, so a load balancer sends no searches to a replica whose index is still filling. (The
 * host's readiness pings each cell's database; the index is this cell's real dependency.)
 */
export const searchIndexDependency: CellDatabase = {
  get name() {
    return `${databaseName('product')} (search index)`;
  },
  connect: async () => {
    // Opened by the index itself in start(); nothing to hold here.
  },
  ping: async () => {
    await pingDatabase(await connectDomainDatabase('product'));
    if (!searchIndex.isReady) throw new Error('the search index is still being built');
  },
};

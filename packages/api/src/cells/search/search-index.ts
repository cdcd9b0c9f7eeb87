import { hostConfig } from '../../config/host';
import { rootLogger } from '../../observability/logger';
import type { CellDatabase } from '../cell-definition';
import { catalogDatabase, openCatalogReader } from '../product/public';
import { IndexSync } from './index-sync';
import { syncSettingsFrom } from './sync-settings';

const logger = rootLogger.child({ cell: 'search', component: 'search-index' });

/** This process's replica of the search index, kept fresh from the product cell's catalogue. */
export const searchIndex = new IndexSync(openCatalogReader, {
  ...syncSettingsFrom(hostConfig()),
  logger,
});

/**
 * What `/readyz` checks for the search cell: products_db answers AND the first index build is
 * done, so a load balancer sends no searches to a replica whose index is still filling. (The
 * host's readiness pings each cell's database; the index is this cell's real dependency.)
 */
export const searchIndexDependency: CellDatabase = {
  get name() {
    return `${catalogDatabase.name} (search index)`;
  },
  connect: async () => {
    // Opened by the index itself in start(); nothing to hold here.
  },
  ping: async () => {
    await catalogDatabase.ping();
    if (!searchIndex.isReady) throw new Error('the search index is still being built');
  },
};

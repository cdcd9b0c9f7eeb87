import { hostConfig } from '../../config/host';
import { rootLogger } from '../../observability/logger';
import type { CellDatabase } from '../cell-definition';
import { catalogDatabase, openCatalogReader } from '../product/public';
import { searchDatabase } from './database';
import { IndexSync } from './index-sync';
import { syncSettingsFrom } from './sync-settings';

const logger = rootLogger.child({ cell: 'search', component: 'search-index' });

/** This process's replica of the search index, kept fresh from the product cell's catalogue. */
export const searchIndex = new IndexSync(openCatalogReader, {
  ...syncSettingsFrom(hostConfig()),
  logger,
});

/**
 * What `/readyz` checks for the search cell: search_db (its rules) and products_db answer AND
 * the first index build is done, so a load balancer sends no searches to a replica whose index
 * is still filling. (The host's readiness pings each cell's database; the index is this cell's
 * real dependency.)
 */
export const searchIndexDependency: CellDatabase = {
  get name() {
    return `${searchDatabase.database.name}, ${catalogDatabase.name} (search index)`;
  },
  connect: async () => {
    // products_db is opened by the index itself in start().
    await searchDatabase.database.connect();
  },
  ping: async () => {
    await Promise.all([searchDatabase.database.ping(), catalogDatabase.ping()]);
    if (!searchIndex.isReady) throw new Error('the search index is still being built');
  },
};

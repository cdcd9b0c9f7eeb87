import type { CellDefinition } from '../cell-definition';
import { searchFunctions } from './functions';
import { searchRouter } from './router';
import { searchIndex, searchIndexDependency } from './search-index';
import { searchRules } from './search-rules';

/**
 * Search reads the product cell's catalogue (`../product/public`, from products_db, read-only)
 * into an in-memory index per replica, and owns search_db: the merchandising rules, loaded into
 * every replica (rules-sync.ts). The build starts with the host and does not hold it up;
 * `/readyz` says not ready until done.
 */
export const searchCell: CellDefinition = {
  name: 'search',
  router: searchRouter,
  functions: searchFunctions,
  database: searchIndexDependency,
  start: async () => {
    await Promise.all([searchIndex.start(), searchRules.start()]);
  },
};

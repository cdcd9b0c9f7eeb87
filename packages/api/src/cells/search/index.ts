import type { CellDefinition } from '../cell-definition';
import { searchFunctions } from './functions';
import { searchRouter } from './router';
import { searchIndex, searchIndexDependency } from './search-index';

/**
 * Search owns no database: it reads the product cell's catalogue (`../product/public`, from
 * products_db, read-only) into an in-memory index per replica. The build starts with the host and
 * does not hold it up; `/readyz` says not ready until done.
 */
export const searchCell: CellDefinition = {
  name: 'search',
  router: searchRouter,
  functions: searchFunctions,
  database: searchIndexDependency,
  start: () => searchIndex.start(),
};

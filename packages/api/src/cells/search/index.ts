import type { CellDefinition } from '../cell-definition';
import { searchFunctions } from './functions';
import { searchRouter } from './router';

/** Search owns no database in the skeleton: it reads the catalogue from the product cell. */
export const searchCell: CellDefinition = {
  name: 'search',
  router: searchRouter,
  functions: searchFunctions,
};

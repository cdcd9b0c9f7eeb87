import type { CellDefinition } from '../cell-definition';
import { analyticsDatabase } from './database';
import { analyticsFunctions } from './functions';
import { analyticsRouter } from './router';

export const analyticsCell: CellDefinition = {
  name: 'analytics',
  router: analyticsRouter,
  functions: analyticsFunctions,
  database: analyticsDatabase.database,
};

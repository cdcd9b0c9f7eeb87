import type { CellDefinition } from '../cell-definition';
import { analyticsDatabase } from './database';
import { erasePersonalData } from './erase-personal-data';
import { analyticsFunctions } from './functions';
import { analyticsRouter } from './router';

export const analyticsCell: CellDefinition = {
  name: 'analytics',
  router: analyticsRouter,
  functions: [...analyticsFunctions, erasePersonalData],
  database: analyticsDatabase.database,
};

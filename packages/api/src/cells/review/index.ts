import type { CellDefinition } from '../cell-definition';
import { reviewDatabase } from './database';
import { reviewFunctions } from './functions';
import { reviewRouter } from './router';

export const reviewCell: CellDefinition = {
  name: 'review',
  router: reviewRouter,
  functions: reviewFunctions,
  database: reviewDatabase.database,
};

import type { CellDefinition } from '../cell-definition';
import { orderDatabase } from './database';
import { orderFunctions } from './functions';
import { orderRouter } from './router';

export const orderCell: CellDefinition = {
  name: 'order',
  router: orderRouter,
  functions: orderFunctions,
  database: orderDatabase.database,
};

import type { CellDefinition } from '../cell-definition';
import { productDatabase } from './database';
import { productFunctions } from './functions';
import { productRouter } from './router';

export const productCell: CellDefinition = {
  name: 'product',
  router: productRouter,
  functions: productFunctions,
  database: productDatabase.database,
};

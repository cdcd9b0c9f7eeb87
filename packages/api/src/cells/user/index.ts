import type { CellDefinition } from '../cell-definition';
import { userDatabase } from './database';
import { userFunctions } from './functions';
import { userRouter } from './router';

export const userCell: CellDefinition = {
  name: 'user',
  router: userRouter,
  functions: userFunctions,
  database: userDatabase.database,
};

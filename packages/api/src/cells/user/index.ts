import type { CellDefinition } from '../cell-definition';
import { userDatabase } from './database';
import { erasePersonalData } from './erase-personal-data';
import { userFunctions } from './functions';
import { userRouter } from './router';

export const userCell: CellDefinition = {
  name: 'user',
  router: userRouter,
  functions: [...userFunctions, erasePersonalData],
  database: userDatabase.database,
};

import type { CellDefinition } from '../cell-definition';
import { domainDatabase } from '../domain-database';
import { userFunctions } from './functions';
import { userRouter } from './router';

export const userCell: CellDefinition = {
  name: 'user',
  router: userRouter,
  functions: userFunctions,
  database: domainDatabase('user').database,
};

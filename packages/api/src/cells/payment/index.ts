import type { CellDefinition } from '../cell-definition';
import { domainDatabase } from '../domain-database';
import { paymentFunctions } from './functions';
import { paymentRouter } from './router';

export const paymentCell: CellDefinition = {
  name: 'payment',
  router: paymentRouter,
  functions: paymentFunctions,
  database: domainDatabase('payment').database,
};

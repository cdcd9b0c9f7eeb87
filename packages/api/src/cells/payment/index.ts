import type { CellDefinition } from '../cell-definition';
import { domainDatabase } from '../domain-database';
import { erasePersonalData } from './erase-personal-data';
import { paymentFunctions } from './functions';
import { paymentRouter } from './router';

export const paymentCell: CellDefinition = {
  name: 'payment',
  router: paymentRouter,
  functions: [...paymentFunctions, erasePersonalData],
  database: domainDatabase('payment').database,
};

import type { CellDefinition } from '../cell-definition';
import { domainDatabase } from '../domain-database';
import { erasePersonalData } from './erase-personal-data';
import { orderFunctions } from './functions';
import { orderRouter } from './router';

export const orderCell: CellDefinition = {
  name: 'order',
  router: orderRouter,
  functions: [...orderFunctions, erasePersonalData],
  database: domainDatabase('order').database,
};

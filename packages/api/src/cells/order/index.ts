import type { CellDefinition } from '../cell-definition';
import { orderDatabase } from './database';
import { orderFunctions } from './functions';
import { registerOrderStateMetrics } from './order-state-metrics';
import { orderRouter } from './router';

export const orderCell: CellDefinition = {
  name: 'order',
  router: orderRouter,
  functions: orderFunctions,
  database: orderDatabase.database,
  // Orders by status and stuck orders, read from the database when Prometheus scrapes.
  start: async () => registerOrderStateMetrics(),
};

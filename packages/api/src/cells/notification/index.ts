import type { CellDefinition } from '../cell-definition';
import { domainDatabase } from '../domain-database';
import { notificationFunctions } from './functions';
import { notificationRouter } from './router';

export const notificationCell: CellDefinition = {
  name: 'notification',
  router: notificationRouter,
  functions: notificationFunctions,
  database: domainDatabase('notification').database,
};

import type { CellDefinition } from '../cell-definition';
import { notificationDatabase } from './database';
import { notificationFunctions } from './functions';
import { notificationRouter } from './router';

export const notificationCell: CellDefinition = {
  name: 'notification',
  router: notificationRouter,
  functions: notificationFunctions,
  database: notificationDatabase.database,
};

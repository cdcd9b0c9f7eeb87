import type { CellDefinition } from '../cell-definition';
import { notificationDatabase } from './database';
import { notificationFunctions } from './functions';
import { mailEventsRoute } from './mail-events-route';
import { notificationRouter } from './router';
import { sendgridEventsRoute } from './sendgrid-events-route';

export const notificationCell: CellDefinition = {
  name: 'notification',
  router: notificationRouter,
  functions: notificationFunctions,
  database: notificationDatabase.database,
  httpRoutes: {
    '/webhooks/mail-events': { method: 'POST', handle: mailEventsRoute },
    '/webhooks/mail-events/sendgrid': { method: 'POST', handle: sendgridEventsRoute },
  },
};

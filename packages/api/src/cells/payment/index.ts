import type { CellDefinition } from '../cell-definition';
import { paymentDatabase } from './database';
import { paymentFunctions } from './functions';
import { paymentRouter } from './router';
import { stripeWebhookRoute } from './stripe-webhook-route';

export const paymentCell: CellDefinition = {
  name: 'payment',
  router: paymentRouter,
  functions: paymentFunctions,
  database: paymentDatabase.database,
  httpRoutes: { '/webhooks/stripe': { method: 'POST', handle: stripeWebhookRoute } },
};

import type { CellDefinition } from '../cell-definition';
import { erasePersonalData } from './erase-personal-data';
import { paymentFunctions } from './functions';
import { paymentDatabase } from './payment-database';
import { paymentRouter } from './router';
import { stripeWebhookRoute } from './stripe-webhook-route';

export const paymentCell: CellDefinition = {
  name: 'payment',
  router: paymentRouter,
  functions: [...paymentFunctions, erasePersonalData],
  database: paymentDatabase.database,
  httpRoutes: { '/webhooks/stripe': { method: 'POST', handle: stripeWebhookRoute } },
};

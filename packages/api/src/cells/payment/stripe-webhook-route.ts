import type { IncomingMessage, ServerResponse } from 'node:http';
import type Stripe from 'stripe';
import { hostConfig } from '../../config/host';
import { sendJson } from '../../host/json-response';
import { rootLogger } from '../../observability/logger';
import { currentRequestScope } from '../../observability/request-context';
import { isDuplicateKeyError } from '@shop/db/claims';
import { paymentDatabase } from './database';
import { stripeClient, stripeSecretKey } from './providers/stripe-client';
import { readRawBody } from '../../host/read-raw-body';
import { applyStripeEvent, processedEventId } from './stripe-events';

/** Stripe's events are a few KiB; anything far larger is not from Stripe. */
const maxBodyBytes = 512 * 1024;

/**
 * `POST /webhooks/stripe` on the payment cell's host (the storefront's `/api/webhooks/stripe`
 * forwards to it). The signature is checked over the raw body with `STRIPE_WEBHOOK_SECRET`
 * (and Stripe's 5-minute timestamp tolerance, so an old delivery replayed is refused): 400 when it
 * does not verify. An event id already handled answers 200 and does nothing; a failure while
 * handling answers 500 so Stripe delivers it again.
 */
export async function stripeWebhookRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const logger = rootLogger.child({
    cell: 'payment',
    component: 'stripe-webhook',
    requestId: currentRequestScope()?.requestId,
  });
  const webhookSecret = hostConfig().STRIPE_WEBHOOK_SECRET;
  if (!stripeSecretKey() || !webhookSecret) {
    return sendJson(res, 503, { error: 'Stripe webhooks are not configured on this host' });
  }
  const body = await readRawBody(req, maxBodyBytes);
  if (!body) return sendJson(res, 413, { error: 'body too large' });
  const signature = req.headers['stripe-signature'];
  if (typeof signature !== 'string' || !signature) {
    return sendJson(res, 400, { error: 'missing Stripe-Signature header' });
  }

  const client = await stripeClient();
  let event: Stripe.Event;
  try {
    event = client.webhooks.constructEvent(body, signature, webhookSecret);
  } catch {
    logger.warn('Stripe webhook refused: signature does not verify');
    return sendJson(res, 400, { error: 'signature verification failed' });
  }

  const { ProcessedWebhookEvent } = await paymentDatabase.models();
  const recordId = processedEventId(event.id);
  if (await ProcessedWebhookEvent.exists({ _id: recordId })) {
    logger.info({ eventId: event.id, type: event.type }, 'Stripe event already handled');
    return sendJson(res, 200, { received: true, duplicate: true });
  }
  const outcome = await applyStripeEvent(event, logger);
  try {
    await ProcessedWebhookEvent.create({
      _id: recordId,
      provider: 'stripe',
      eventId: event.id,
      type: event.type,
    });
  } catch (error) {
    // A concurrent delivery of the same event got here first; its changes and ours are the same.
    if (!isDuplicateKeyError(error)) throw error;
  }
  logger.info({ eventId: event.id, type: event.type, outcome }, 'Stripe event handled');
  sendJson(res, 200, { received: true, outcome });
}

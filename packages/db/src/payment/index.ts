import { type Connection } from 'mongoose';
import { paymentModel } from './payment-model';
import { processedWebhookEventModel } from './processed-webhook-event-model';
import { refundModel } from './refund-model';

export * from './payment-model';
export * from './processed-webhook-event-model';
export * from './refund-model';

/** The payment domain's models, bound to the payments database connection. */
export function paymentModels(connection: Connection) {
  return {
    Payment: paymentModel(connection),
    Refund: refundModel(connection),
    ProcessedWebhookEvent: processedWebhookEventModel(connection),
  };
}
export type PaymentModels = ReturnType<typeof paymentModels>;

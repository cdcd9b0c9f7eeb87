import { type Connection, type InferSchemaType, Schema } from 'mongoose';

/**
 * A provider event (Stripe's `evt_...`) that was handled. `_id` is derived from the event id by the
 * payment cell, so recording one twice collides; a delivery whose event is here is answered 200
 * and not handled again.
 */
export const processedWebhookEventSchema = new Schema(
  {
    provider: { type: String, enum: ['stripe'], required: true },
    eventId: { type: String, required: true },
    type: { type: String, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
processedWebhookEventSchema.index({ provider: 1, eventId: 1 }, { unique: true });

export type ProcessedWebhookEvent = InferSchemaType<typeof processedWebhookEventSchema>;

export function processedWebhookEventModel(connection: Connection) {
  return connection.model('ProcessedWebhookEvent', processedWebhookEventSchema);
}

import { Schema, type Connection, type Model } from 'mongoose';

export interface EventDocument {
  /** The id returned to the sender (a ULID). */
  eventId: string;
  name: string;
  /** The event exactly as functions receive it, as JSON text so any key or number survives. */
  payloadJson: string;
  /** The sender's own `id` (functions see it as `event.id`; runs are deduplicated by it). */
  idempotencyKey?: string;
  /** Sent by the executor itself (`inngest/function.failed`, ...). */
  internal: boolean;
  receivedAt: Date;
  /** The sender's W3C `traceparent`: runs the event starts join the sender's trace. */
  traceparent?: string;
  /** Set once runs were started, waits resolved and cancellations applied for this event. */
  fanoutDone: boolean;
}

const eventSchema = new Schema<EventDocument>(
  {
    eventId: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    payloadJson: { type: String, required: true },
    idempotencyKey: String,
    internal: { type: Boolean, default: false },
    receivedAt: { type: Date, required: true },
    traceparent: String,
    fanoutDone: { type: Boolean, default: false },
  },
  { collection: 'events', versionKey: false },
);
// Housekeeping looks for unfinished fan-outs and for events past retention, both by age.
eventSchema.index({ fanoutDone: 1, receivedAt: 1 });
// The overview lists the latest events.
eventSchema.index({ receivedAt: -1 });

export type EventModel = Model<EventDocument>;

export function eventModel(connection: Connection): EventModel {
  return connection.model<EventDocument>('Event', eventSchema);
}

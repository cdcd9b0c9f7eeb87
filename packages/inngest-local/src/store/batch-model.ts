import { Schema, type Connection, type Model } from 'mongoose';

/**
 * Events gathered for one run of a function with `batchEvents`: open while it fills, closed when
 * it reached `maxSize` or its timeout (then its run starts with every event in it). Keyed per
 * function and per value of the function's batch `key` expression.
 */
export interface BatchDocument {
  /** Deterministic from the first event and the function, so a re-run fan-out finds it. */
  batchId: string;
  functionId: string;
  /** The batch `key` expression's value for its events ('' without a key). */
  key: string;
  eventIds: string[];
  /** Each event's `id` (the sender's, else the executor's): a resent event joins no batch. */
  eventKeys: string[];
  /** Each event's payload as JSON, in arrival order. */
  eventsJson: string[];
  size: number;
  status: 'open' | 'closed';
  openedAt: Date;
  /** When the batch starts its run even if not full: opened + the function's timeout. */
  dueAt: Date;
  traceparent?: string;
}

const batchSchema = new Schema<BatchDocument>(
  {
    batchId: { type: String, required: true, unique: true },
    functionId: { type: String, required: true },
    key: { type: String, default: '' },
    eventIds: { type: [String], default: [] },
    eventKeys: { type: [String], default: [] },
    eventsJson: { type: [String], default: [] },
    size: { type: Number, required: true },
    status: { type: String, enum: ['open', 'closed'], required: true },
    openedAt: { type: Date, required: true },
    dueAt: { type: Date, required: true },
    traceparent: String,
  },
  { collection: 'batches', versionKey: false },
);
batchSchema.index({ functionId: 1, key: 1, status: 1 });
batchSchema.index({ functionId: 1, eventKeys: 1 });
batchSchema.index({ status: 1, openedAt: 1 });

export type BatchModel = Model<BatchDocument>;

export function batchModel(connection: Connection): BatchModel {
  return connection.model<BatchDocument>('Batch', batchSchema);
}

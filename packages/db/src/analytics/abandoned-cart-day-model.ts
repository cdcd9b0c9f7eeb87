import { type Connection, type Model, Schema, type Types } from 'mongoose';

/**
 * The carts abandoned on one local day of the store's time zone (a browsing session that left
 * items in its cart, counted on the day of its last change) and how many the same browser bought
 * within 7 days after. Rebuilt whole by the rollup job (`abandoned-cart-days.ts`) for the day of
 * every late event and the 7 days before it (a later purchase recovers an earlier cart). `_id` is
 * derived from `carts:<time zone>:<day>`, so a rebuild replaces it. Kept after raw events go.
 */
export interface AbandonedCartDay {
  _id: Types.ObjectId;
  timeZone: string;
  day: string;
  abandoned: number;
  recovered: number;
  /** What the abandoned carts held, per currency, in minor units. */
  valueMinor: Record<string, number>;
  recoveredValueMinor: Record<string, number>;
  rebuiltAt: Date;
}

export const abandonedCartDaySchema = new Schema<AbandonedCartDay>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    timeZone: { type: String, required: true },
    day: { type: String, required: true },
    abandoned: { type: Number, required: true },
    recovered: { type: Number, required: true },
    valueMinor: { type: Schema.Types.Mixed, default: () => ({}) },
    recoveredValueMinor: { type: Schema.Types.Mixed, default: () => ({}) },
    rebuiltAt: { type: Date, required: true },
  },
  { minimize: false, versionKey: false },
);
abandonedCartDaySchema.index({ timeZone: 1, day: 1 });

export function abandonedCartDayModel(connection: Connection): Model<AbandonedCartDay> {
  return connection.model<AbandonedCartDay>('AbandonedCartDay', abandonedCartDaySchema);
}

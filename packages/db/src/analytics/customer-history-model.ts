import { type Connection, type Model, Schema, type Types } from 'mongoose';

/**
 * One signed-in customer's orders as local days of the store's time zone, rebuilt whole from the
 * recorded conversions by the rollup job (`customer-histories.ts`): the customers report reads
 * these instead of every conversion. `_id` is derived from `<time zone>:<account id>`, so a rebuild
 * replaces the document; account deletion deletes it (the conversions lose their account id).
 */
export interface CustomerHistory {
  _id: Types.ObjectId;
  accountId: string;
  timeZone: string;
  /** Local day of the first order ever, `2026-03-29`: new vs returning, the cohort's month. */
  firstOrderDay: string;
  /** Local day of every order, oldest first; one entry per order, so a day can repeat. */
  orderDays: string[];
  rebuiltAt: Date;
}

export const customerHistorySchema = new Schema<CustomerHistory>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    accountId: { type: String, required: true },
    timeZone: { type: String, required: true },
    firstOrderDay: { type: String, required: true },
    orderDays: { type: [String], required: true },
    rebuiltAt: { type: Date, required: true },
  },
  { versionKey: false },
);
// The report: customers with an order in a range of local days (multikey on the days).
customerHistorySchema.index({ timeZone: 1, orderDays: 1 });
customerHistorySchema.index({ accountId: 1 });

export function customerHistoryModel(connection: Connection): Model<CustomerHistory> {
  return connection.model<CustomerHistory>('CustomerHistory', customerHistorySchema);
}

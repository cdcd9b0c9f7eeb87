import { type Connection, type InferSchemaType, Schema } from 'mongoose';

/** What staff are alerted about: things that need a person. */
export const staffAlertKinds = [
  'low-stock',
  'order-stuck-in-payment',
  'refund-failed',
  'emails-failing',
  'csv-import-finished',
  'csv-import-failed',
] as const;
export type StaffAlertKind = (typeof staffAlertKinds)[number];

/**
 * One alert for the back office. `cause` names what raised it (the SKU and its stock level, the
 * order, the refund, the import), unique per kind, so a redelivered event or a retried function
 * raises it once. Read state is per staff account (`readBy`: the few staff accounts).
 */
export const staffAlertSchema = new Schema(
  {
    kind: { type: String, enum: staffAlertKinds, required: true },
    cause: { type: String, required: true, maxlength: 300 },
    title: { type: String, required: true, maxlength: 200 },
    detail: { type: String, default: '', maxlength: 1000 },
    /** A back-office path to act on it (e.g. `/inventory?sku=...`), never an outside URL. */
    href: { type: String, default: null, maxlength: 300 },
    readBy: { type: [String], default: [] },
    /** Staff subscribed to this kind were emailed (once, by the raising function). */
    emailedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
staffAlertSchema.index({ kind: 1, cause: 1 }, { unique: true });
staffAlertSchema.index({ createdAt: -1 });

export type StaffAlert = InferSchemaType<typeof staffAlertSchema>;

export function staffAlertModel(connection: Connection) {
  return connection.model('StaffAlert', staffAlertSchema, 'staff_alerts');
}

/** Which alert kinds a staff account also wants by email (absent: none, in-app only). */
export const alertSubscriptionSchema = new Schema(
  {
    accountId: { type: String, required: true },
    email: { type: String, required: true, trim: true, lowercase: true, maxlength: 320 },
    kinds: { type: [{ type: String, enum: staffAlertKinds }], default: [] },
  },
  { timestamps: true },
);
alertSubscriptionSchema.index({ accountId: 1 }, { unique: true });
alertSubscriptionSchema.index({ kinds: 1 });

export function alertSubscriptionModel(connection: Connection) {
  return connection.model('AlertSubscription', alertSubscriptionSchema, 'alert_subscriptions');
}

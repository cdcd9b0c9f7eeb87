import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';

/**
 * pending: asked, not yet confirmed from the mailbox (double opt-in); nothing marketing goes out.
 * subscribed: confirmed. unsubscribed: said no (a later sign-up starts a new confirmation).
 */
export const subscriberStatuses = ['pending', 'subscribed', 'unsubscribed'] as const;
export type SubscriberStatus = (typeof subscriberStatuses)[number];

/** Where the shopper gave or withdrew consent. */
export const consentSources = [
  'footer',
  'checkout',
  'account',
  'email-link',
  'one-click',
  'staff',
] as const;
export type ConsentSource = (typeof consentSources)[number];

/** How many changes a subscriber keeps: enough to show when and how consent came and went. */
export const consentHistoryLimit = 50;

const consentChangeSchema = new Schema(
  {
    status: { type: String, enum: subscriberStatuses, required: true },
    at: { type: Date, required: true },
    source: { type: String, enum: consentSources, required: true },
    /** The exact words the shopper saw next to the box or button (evidence of consent). */
    wording: { type: String, default: null },
  },
  { _id: false },
);

/**
 * One address's marketing consent: what it is now and every change that led there. The address
 * is the key (a guest has no account); `accountId` links it to an account when one asked.
 */
export const subscriberSchema = new Schema(
  {
    email: { type: String, required: true, trim: true, lowercase: true },
    status: { type: String, enum: subscriberStatuses, required: true },
    /** When and how the current status came about, and the wording shown when it was asked. */
    changedAt: { type: Date, required: true },
    source: { type: String, enum: consentSources, required: true },
    wording: { type: String, default: null },
    accountId: { type: String, default: null },
    /** When the last confirmation email was asked for (one per address per window). */
    confirmationSentAt: { type: Date, default: null },
    confirmedAt: { type: Date, default: null },
    history: { type: [consentChangeSchema], default: [] },
  },
  { timestamps: true },
);
subscriberSchema.index({ email: 1 }, { unique: true });
subscriberSchema.index(
  { accountId: 1 },
  { partialFilterExpression: { accountId: { $type: 'string' } } },
);
subscriberSchema.index({ status: 1 });

export type Subscriber = InferSchemaType<typeof subscriberSchema>;
export type SubscriberDocument = HydratedDocument<Subscriber>;

export function subscriberModel(connection: Connection) {
  return connection.model('Subscriber', subscriberSchema);
}

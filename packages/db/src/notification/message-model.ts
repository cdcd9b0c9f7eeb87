import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';

/** `bounced`: accepted by the provider, then returned by the recipient's server (set by bounce handling). */
export const messageStatuses = ['queued', 'sent', 'failed', 'bounced'] as const;
export type MessageStatus = (typeof messageStatuses)[number];

/** Transactional mail always goes out; marketing mail only with the recipient's consent. */
export const messageKinds = ['transactional', 'marketing'] as const;
export type MessageKind = (typeof messageKinds)[number];

/** What `to` becomes when the recipient deletes their account. */
export const erasedRecipient = 'erased';

/** One delivery attempt: what the provider answered (never credentials). */
export const messageAttemptOutcomes = ['sent', 'retry', 'failed'] as const;
const messageAttemptSchema = new Schema(
  {
    at: { type: Date, required: true },
    outcome: { type: String, enum: messageAttemptOutcomes, required: true },
    response: { type: String, default: null },
  },
  { _id: false },
);

/**
 * One email the platform sends, and what became of it. Bodies are not kept (they can hold
 * single-use links); the template, subject and delivery status are.
 */
export const messageSchema = new Schema(
  {
    to: { type: String, required: true, trim: true, lowercase: true },
    /** Template id, e.g. `password-reset`, `order-confirmed`. */
    template: { type: String, required: true },
    /**
     * With `template`, what makes a message unique (the event id, the account id for a welcome,
     * a hash of a single-use token): a retried or duplicated delivery finds the same record and
     * never sends twice. Absent only on records older than it (the demo seed).
     */
    dedupeKey: { type: String },
    kind: { type: String, enum: messageKinds, required: true, default: 'transactional' },
    subject: { type: String, required: true },
    status: { type: String, enum: messageStatuses, required: true, default: 'queued' },
    attempts: { type: Number, required: true, default: 0, min: 0 },
    /** The last delivery error, as the SMTP server put it (never credentials). */
    lastError: { type: String, default: null },
    /** The SMTP server's id for the accepted message (Message-ID). */
    providerMessageId: { type: String, default: null },
    /** The SMTP server's answer when it accepted the message (e.g. `250 2.0.0 OK queued`). */
    providerResponse: { type: String, default: null },
    /** Every delivery attempt and the provider's answer, newest last (the last 20). */
    attemptLog: { type: [messageAttemptSchema], default: [] },
    /**
     * The props the template was rendered with, kept only while the message is not sent and only
     * for templates without a single-use link, so staff can resend a failed one; cleared once sent
     * and on erasure.
     */
    resendProps: { type: Schema.Types.Mixed, default: null },
    /** How often staff asked to send it again, and the last time and who. */
    resendCount: { type: Number, default: 0, min: 0 },
    resentAt: { type: Date, default: null },
    resentBy: { type: String, default: null },
    /** Who and what the message is about, for support and for erasure. */
    accountId: { type: String, default: null },
    orderNumber: { type: String, default: null },
    /** While set in the future, one sender holds the message; others wait (no double send). */
    sendingUntil: { type: Date, default: null },
    /**
     * Which sender holds the lease, when it took many at once (a campaign batch's token): it
     * then finds and records exactly the messages it holds.
     */
    sendingBy: { type: String, default: null },
    sentAt: { type: Date, default: null },
    failedAt: { type: Date, default: null },
    erasedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
messageSchema.index({ status: 1, createdAt: 1 });
messageSchema.index({ to: 1, createdAt: -1 });
messageSchema.index({ accountId: 1 });
messageSchema.index({ template: 1, createdAt: -1 });
messageSchema.index(
  { template: 1, dedupeKey: 1 },
  { unique: true, partialFilterExpression: { dedupeKey: { $type: 'string' } } },
);

export type Message = InferSchemaType<typeof messageSchema>;
export type MessageDocument = HydratedDocument<Message>;

export function messageModel(connection: Connection) {
  return connection.model('Message', messageSchema);
}

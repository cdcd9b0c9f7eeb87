import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';
import { supportedLanguages } from '../user/preferences';

/**
 * draft: being written. scheduled: waits for `sendAt`. sending: the send function is working
 * through the audience. paused: staff stopped it; resume continues where it stopped.
 * sent: every recipient was dealt with. cancelled: stopped for good (before it finished).
 */
export const campaignStatuses = [
  'draft',
  'scheduled',
  'sending',
  'paused',
  'sent',
  'cancelled',
] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

/** Statuses in which the content and audience may still change. */
export const editableCampaignStatuses = ['draft', 'scheduled'] as const;

const campaignCountsSchema = new Schema(
  {
    /** Recipients the audience held when sending started (0 before). */
    audience: { type: Number, required: true, default: 0, min: 0 },
    sent: { type: Number, required: true, default: 0, min: 0 },
    failed: { type: Number, required: true, default: 0, min: 0 },
    /** Consent withdrawn or address suppressed between building the audience and the send. */
    skipped: { type: Number, required: true, default: 0, min: 0 },
    /** Reported later by the provider (mail-events route). */
    bounced: { type: Number, required: true, default: 0, min: 0 },
    complained: { type: Number, required: true, default: 0, min: 0 },
  },
  { _id: false },
);

/**
 * One marketing campaign: content (blocks, checked by the notification cell's zod inputs before
 * it is stored), audience rule (never a list of addresses), schedule and progress.
 */
export const campaignSchema = new Schema(
  {
    name: { type: String, required: true, maxlength: 120 },
    subject: { type: String, required: true, maxlength: 200 },
    preheader: { type: String, default: null, maxlength: 200 },
    language: { type: String, enum: supportedLanguages, required: true },
    /** The composer's blocks as the cell's `campaignBlock` schema parsed them. */
    blocks: { type: [Schema.Types.Mixed], default: [] },
    /** The audience rule as the cell's `campaignAudience` schema parsed it. */
    audience: { type: Schema.Types.Mixed, required: true },
    status: { type: String, enum: campaignStatuses, required: true, default: 'draft' },
    /**
     * Bumped on every schedule, send-now and resume: a send run carries the generation it was
     * started for and stops when the campaign's moved on (a reschedule or a cancel).
     */
    generation: { type: Number, required: true, default: 0, min: 0 },
    sendAt: { type: Date, default: null },
    /** The last subscriber id the send got past: resume and retries go on from here. */
    cursor: { type: String, default: null },
    startedAt: { type: Date, default: null },
    pausedAt: { type: Date, default: null },
    finishedAt: { type: Date, default: null },
    cancelledAt: { type: Date, default: null },
    lastTestSentAt: { type: Date, default: null },
    /** Why sending stopped by itself (the mail server kept refusing), for staff; never secrets. */
    lastError: { type: String, default: null },
    counts: { type: campaignCountsSchema, required: true, default: () => ({}) },
    createdBy: { type: String, required: true },
    updatedBy: { type: String, required: true },
  },
  { timestamps: true },
);
campaignSchema.index({ status: 1, _id: -1 });

export type Campaign = InferSchemaType<typeof campaignSchema>;
export type CampaignDocument = HydratedDocument<Campaign>;

export function campaignModel(connection: Connection) {
  return connection.model('Campaign', campaignSchema, 'campaigns');
}

/**
 * claimed: a sender took the recipient and has not recorded the outcome yet (if that sender died,
 * the Message record's dedupe key decides whether it was sent: see docs/notifications.md).
 */
export const campaignDeliveryStatuses = ['claimed', 'sent', 'failed', 'skipped'] as const;
export type CampaignDeliveryStatus = (typeof campaignDeliveryStatuses)[number];

/** One recipient of one campaign. The unique index is the claim: a recipient is taken once. */
export const campaignDeliverySchema = new Schema(
  {
    campaignId: { type: Schema.Types.ObjectId, required: true },
    subscriberId: { type: Schema.Types.ObjectId, required: true },
    email: { type: String, required: true, lowercase: true, trim: true },
    status: { type: String, enum: campaignDeliveryStatuses, required: true, default: 'claimed' },
    claimedAt: { type: Date, required: true },
    doneAt: { type: Date, default: null },
    /** The Message record's id (the message centre), once there is one. */
    messageId: { type: String, default: null },
    /** Why it failed or was skipped (never credentials). */
    detail: { type: String, default: null },
    bounced: { type: Boolean, default: false },
    complained: { type: Boolean, default: false },
  },
  { timestamps: true },
);
campaignDeliverySchema.index({ campaignId: 1, subscriberId: 1 }, { unique: true });
campaignDeliverySchema.index({ campaignId: 1, status: 1 });
campaignDeliverySchema.index({ messageId: 1 }, { sparse: true });

export type CampaignDelivery = InferSchemaType<typeof campaignDeliverySchema>;

export function campaignDeliveryModel(connection: Connection) {
  return connection.model('CampaignDelivery', campaignDeliverySchema, 'campaign_deliveries');
}

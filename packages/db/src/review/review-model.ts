import { type Connection, type HydratedDocument, type InferSchemaType, Schema } from 'mongoose';

export const reviewStatuses = ['pending', 'published', 'rejected'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

/** Why a moderator rejected a review. Never "negative": the FTC rule forbids suppressing those. */
export const rejectionReasons = [
  'profanity',
  'spam',
  'off_topic',
  'personal_data',
  'other',
] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

/** What moderation did to a review: the rules at submission, or a moderator later. */
export const moderationActions = ['published', 'held', 'rejected'] as const;

const moderationDecisionSchema = new Schema(
  {
    action: { type: String, enum: moderationActions, required: true },
    /** `system` for the rules at submission; `staff` with the moderator's account id. */
    by: { type: String, enum: ['system', 'staff'], required: true },
    staffAccountId: { type: Schema.Types.ObjectId },
    at: { type: Date, required: true },
    /** The rules' signals (`profanity`, `link`, `burst`, `unverified` ...) or the reason chosen. */
    reasons: { type: [String], default: [] },
    note: { type: String },
    /** The review version the decision was about (an edit makes a new version). */
    version: { type: Number, required: true },
  },
  { _id: false },
);

/** What a product's aggregate currently counts of this review (null: nothing). */
const tallySchema = new Schema(
  {
    rating: { type: Number, required: true },
    verified: { type: Boolean, required: true },
  },
  { _id: false },
);

const pendingTallySchema = new Schema(
  {
    /** The aggregate applies a claim once (a fresh id per change). */
    claimId: { type: String, required: true },
    from: { type: tallySchema, default: null },
    to: { type: tallySchema, default: null },
  },
  { _id: false },
);

const photoSchema = new Schema(
  {
    /** The photo's id (a `ReviewPhoto`); its files are under `photos/<key>/` in the cell's store. */
    key: { type: String, required: true },
    width: { type: Number, required: true },
    height: { type: Number, required: true },
  },
  { _id: false },
);

export const reviewSchema = new Schema(
  {
    productSlug: { type: String, required: true },
    /** The product's id (set by the cell; demo reviews written before it have none). */
    productId: { type: String },
    accountId: { type: Schema.Types.ObjectId, required: true },
    rating: {
      type: Number,
      required: true,
      min: 1,
      max: 5,
      validate: { validator: Number.isInteger, message: 'rating must be a whole number of stars' },
    },
    title: { type: String, required: true, trim: true },
    body: { type: String, default: '' },
    status: { type: String, enum: reviewStatuses, required: true, default: 'pending' },
    /** Bumped by every edit; moderation decisions and tallies name the version they saw. */
    version: { type: Number, required: true, default: 1 },
    verified: { type: Boolean, required: true, default: false },
    /** The delivered order that verified the purchase (shown to moderators only). */
    verifiedBy: {
      type: new Schema(
        { orderId: { type: String, required: true }, number: { type: String, required: true } },
        { _id: false },
      ),
      default: null,
    },
    /** Written in exchange for an incentive (a voucher, a free sample): shown as a badge. */
    incentivised: { type: Boolean, required: true, default: false },
    rejection: {
      type: new Schema(
        {
          reason: { type: String, enum: rejectionReasons, required: true },
          note: { type: String },
        },
        { _id: false },
      ),
      default: null,
    },
    moderation: { type: [moderationDecisionSchema], default: [] },
    publishedAt: { type: Date, default: null },
    helpfulCount: { type: Number, required: true, default: 0 },
    unhelpfulCount: { type: Number, required: true, default: 0 },
    reportCount: { type: Number, required: true, default: 0 },
    photos: { type: [photoSchema], default: [] },
    reply: {
      type: new Schema(
        {
          text: { type: String, required: true },
          at: { type: Date, required: true },
          staffAccountId: { type: Schema.Types.ObjectId, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
    /** SHA-256 of the submitting address (burst detection); removed by account erasure. */
    addressHash: { type: String },
    /** Set when the author deleted it: kept until the aggregate no longer counts it. */
    deletedAt: { type: Date, default: null },
    tally: { type: tallySchema, default: null },
    tallyVersion: { type: Number, required: true, default: 0 },
    tallyPending: { type: pendingTallySchema, default: null },
  },
  { timestamps: true },
);
// A product page lists its published reviews, newest first.
reviewSchema.index({ productSlug: 1, status: 1, createdAt: -1 });
// ... or most helpful first.
reviewSchema.index({ productSlug: 1, status: 1, helpfulCount: -1, createdAt: -1 });
// One review per shopper per product.
reviewSchema.index({ productSlug: 1, accountId: 1 }, { unique: true });
// The moderation queue, oldest first; bursts per account and address.
reviewSchema.index({ status: 1, createdAt: 1 });
reviewSchema.index({ accountId: 1, createdAt: -1 });
reviewSchema.index({ addressHash: 1, createdAt: -1 });

export type Review = InferSchemaType<typeof reviewSchema>;
export type ReviewDocument = HydratedDocument<Review>;

export function reviewModel(connection: Connection) {
  return connection.model('Review', reviewSchema);
}

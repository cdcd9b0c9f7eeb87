import type { Types } from 'mongoose';
import { sha256Hex } from '../../secrets';
import { reviewDatabase } from './database';

const hourMs = 60 * 60_000;

/** The address is kept only as its SHA-256 (to count bursts), never in clear. */
export function addressHashOf(address: string | null): string | undefined {
  return address ? sha256Hex(`review-address:${address}`) : undefined;
}

/** What the moderation rules need to know about an author's recent writing. */
export async function recentActivity(
  accountId: Types.ObjectId,
  addressHash: string | undefined,
  excludeReviewId?: Types.ObjectId,
) {
  const { Review } = await reviewDatabase.models();
  const since = new Date(Date.now() - hourMs);
  const notThis = excludeReviewId ? { _id: { $ne: excludeReviewId } } : {};
  const [others, recentFromAccount, recentFromAddress] = await Promise.all([
    Review.find({ accountId, ...notThis })
      .sort({ createdAt: -1 })
      .limit(20)
      .select({ body: 1 })
      .lean(),
    Review.countDocuments({ accountId, createdAt: { $gte: since }, ...notThis }),
    addressHash
      ? Review.countDocuments({ addressHash, createdAt: { $gte: since }, ...notThis })
      : Promise.resolve(0),
  ]);
  return {
    authorsOtherTexts: others.map((review) => review.body ?? ''),
    recentFromAccount,
    recentFromAddress,
  };
}

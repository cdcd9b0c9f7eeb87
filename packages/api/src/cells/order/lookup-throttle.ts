import { hostConfig } from '../../config/host';
import { tooManyRequests } from '../../trpc/retry-after';
import { orderDatabase } from './database';
import { derivedObjectId } from '@shop/db/claims';

/** Failed lookups allowed per client address per window (a typo or two, never a walk). */
export const lookupFailureLimit = hostConfig().ORDER_LOOKUP_FAILURE_LIMIT;
const windowMs = 15 * 60_000;

function windowOf(clientAddress: string, now: number) {
  const start = Math.floor(now / windowMs) * windowMs;
  return {
    _id: derivedObjectId(`order-lookup:${clientAddress}:${start}`),
    endsAt: new Date(start + windowMs),
  };
}

const refused = (endsAt: Date, now: number) =>
  tooManyRequests(
    'Too many order lookups from here; try again later',
    (endsAt.getTime() - now) / 1000,
  );

/** Refuses (429) a client address that has used up its failed lookups in this window. */
export async function checkLookupAllowed(clientAddress: string | null): Promise<void> {
  if (!clientAddress) return;
  const now = Date.now();
  const window = windowOf(clientAddress, now);
  const { OrderLookupFailure } = await orderDatabase.models();
  const failures = await OrderLookupFailure.findById(window._id, { count: 1 }).lean();
  if ((failures?.count ?? 0) >= lookupFailureLimit) throw refused(window.endsAt, now);
}

/** Counts one failed lookup for the client address. */
export async function countLookupFailure(clientAddress: string | null): Promise<void> {
  if (!clientAddress) return;
  const window = windowOf(clientAddress, Date.now());
  const { OrderLookupFailure } = await orderDatabase.models();
  await OrderLookupFailure.updateOne(
    { _id: window._id },
    { $inc: { count: 1 }, $setOnInsert: { expiresAt: window.endsAt } },
    { upsert: true },
  );
}

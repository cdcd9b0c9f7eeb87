import { cellClient } from '../../cross-cell/cell-client';
import { notificationDatabase } from './database';

/** Requests one run handles at most: the rest wait for the next run (the sweep comes every 5 min). */
const batchLimit = 200;

export interface RestockedRequest {
  requestId: string;
  email: string;
  productName: string;
  variantLabel: string;
  productSlug: string;
  sku: string;
  priceMinor: number;
  currency: string;
}

/**
 * Waiting requests (of one product, or all) whose SKU can be bought again, with what the email
 * says about it (read fresh from the product cell). A SKU still sold out, or withdrawn, keeps
 * its requests waiting.
 */
export async function restockedRequests(productId?: string): Promise<RestockedRequest[]> {
  const { BackInStockRequest } = await notificationDatabase.models();
  const waiting = await BackInStockRequest.find({
    status: 'waiting',
    ...(productId && { productId }),
  })
    .sort({ createdAt: 1 })
    .limit(batchLimit)
    .lean();
  if (waiting.length === 0) return [];
  const skus = [...new Set(waiting.map((request) => request.sku))].slice(0, 100);
  const { items } = await cellClient().product.skuDetails.query({ skus, fresh: true });
  const available = new Map(
    items.filter((item) => item.purchasable && item.available > 0).map((item) => [item.sku, item]),
  );
  return waiting.flatMap((request) => {
    const detail = available.get(request.sku);
    if (!detail) return [];
    return [
      {
        requestId: request._id.toString(),
        email: request.email,
        productName: detail.name,
        variantLabel: detail.variantLabel,
        productSlug: detail.slug,
        sku: detail.sku,
        priceMinor: detail.priceMinor,
        currency: detail.currency,
      },
    ];
  });
}

/** The one email went (or failed for good): the request has ended. */
export async function endBackInStockRequest(requestId: string): Promise<void> {
  const { BackInStockRequest } = await notificationDatabase.models();
  await BackInStockRequest.updateOne(
    { _id: requestId, status: 'waiting' },
    { $set: { status: 'notified', notifiedAt: new Date() } },
  );
}

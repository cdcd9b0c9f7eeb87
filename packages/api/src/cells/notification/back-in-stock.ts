import { TRPCError } from '@trpc/server';
import { cellClient } from '../../cross-cell/cell-client';
import { notificationDatabase } from './database';

/** Waiting requests one address may hold: enough for a wish list, too few to spam with. */
export const backInStockLimitPerEmail = 20;

/**
 * "Email me when available" for a SKU that is sold out now. Refused (400) for an unknown SKU or
 * one that can be bought now; a repeat for the same address and SKU changes nothing.
 */
export async function requestBackInStock(email: string, sku: string): Promise<void> {
  const address = email.trim().toLowerCase();
  const { items } = await cellClient().product.skuDetails.query({ skus: [sku], fresh: true });
  const detail = items[0];
  if (!detail || !detail.purchasable) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'This product is not for sale.' });
  }
  if (detail.available > 0) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'This is in stock: you can buy it now.' });
  }
  const { BackInStockRequest } = await notificationDatabase.models();
  const waiting = await BackInStockRequest.countDocuments({ email: address, status: 'waiting' });
  const existing = await BackInStockRequest.exists({
    email: address,
    sku: detail.sku,
    status: 'waiting',
  });
  if (existing) return;
  if (waiting >= backInStockLimitPerEmail) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `You are already waiting for ${backInStockLimitPerEmail} products; we will write when they are back.`,
    });
  }
  await BackInStockRequest.updateOne(
    { email: address, sku: detail.sku, status: 'waiting' },
    { $setOnInsert: { productId: detail.productId } },
    { upsert: true },
  );
}

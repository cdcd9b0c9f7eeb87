import type { ProductModels } from '@shop/db/product';
import { TRPCError } from '@trpc/server';
import type { Logger } from 'pino';
import { applyStockEffects } from './stock-effects';

type Models = Pick<ProductModels, 'Product' | 'InventoryItem'>;

export type StockAdjustment =
  { sku: string; delta: number; reason: string } | { sku: string; onHand: number; reason: string };

/** Attempts at setting an absolute count before giving up on concurrent reservations. */
const maxCompareAndSetAttempts = 5;

/**
 * Staff stock changes (a delivery, a stock count, damage). On hand can never go below what is
 * reserved: a delta is one conditional `$inc` on `available`; an absolute count is a
 * compare-and-set on the counts it read, retried if a reservation moved them meanwhile.
 */
export async function adjustStock(models: Models, adjustment: StockAdjustment, logger: Logger) {
  const { InventoryItem } = models;
  for (let attempt = 0; attempt < maxCompareAndSetAttempts; attempt += 1) {
    const current = await InventoryItem.findOne({ sku: adjustment.sku }).lean();
    if (!current) {
      throw new TRPCError({ code: 'NOT_FOUND', message: `Unknown SKU: ${adjustment.sku}` });
    }
    const delta = 'delta' in adjustment ? adjustment.delta : adjustment.onHand - current.onHand;
    if (current.available + delta < 0) {
      throw new TRPCError({
        code: 'CONFLICT',
        message: `${adjustment.sku} has ${current.reserved} units reserved; on hand cannot go below that`,
      });
    }
    const filter =
      'delta' in adjustment
        ? { sku: adjustment.sku, available: { $gte: -delta } }
        : { sku: adjustment.sku, onHand: current.onHand, reserved: current.reserved };
    const after = await InventoryItem.findOneAndUpdate(
      filter,
      { $inc: { onHand: delta, available: delta } },
      { returnDocument: 'after' },
    ).lean();
    if (!after) continue; // a reservation moved the counts: read again
    logger.info(
      { sku: after.sku, delta, onHand: after.onHand, reason: adjustment.reason },
      'stock adjusted',
    );
    await applyStockEffects(
      models,
      [
        {
          sku: after.sku,
          productId: after.productId,
          availableBefore: after.available - delta,
          availableAfter: after.available,
          lowStockThreshold: after.lowStockThreshold,
        },
      ],
      logger,
    );
    return {
      sku: after.sku,
      onHand: after.onHand,
      reserved: after.reserved,
      available: after.available,
    };
  }
  throw new TRPCError({
    code: 'CONFLICT',
    message: `${adjustment.sku} is changing too fast; try again`,
  });
}

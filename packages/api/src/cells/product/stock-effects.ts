import type { ProductModels } from '@shop/db/product';
import type { Logger } from 'pino';
import { productUpdated, stockLow } from '../../events/schemas';
import { emitProductEvent } from './emit-product-event';
import { invalidateListings } from './listing-cache';
import type { StockChange } from './stock-movements';

/**
 * What follows stock movements: a product whose SKUs' availability crossed zero gets its
 * `inStock` flag rewritten (which bumps `updatedAt`, so search reconciliation sees it) and a
 * `product/product.updated`; a SKU that fell to its low-stock threshold sends `product/stock.low`.
 */
export async function applyStockEffects(
  { Product, InventoryItem }: Pick<ProductModels, 'Product' | 'InventoryItem'>,
  changes: readonly StockChange[],
  logger: Pick<Logger, 'warn'>,
): Promise<void> {
  const crossedZero = new Map<string, StockChange['productId']>();
  for (const change of changes) {
    if (change.availableBefore > 0 !== change.availableAfter > 0) {
      crossedZero.set(change.productId.toString(), change.productId);
    }
    if (
      change.availableAfter <= change.lowStockThreshold &&
      change.availableBefore > change.lowStockThreshold
    ) {
      await emitProductEvent(logger, stockLow, {
        sku: change.sku,
        productId: change.productId.toString(),
        available: change.availableAfter,
      });
    }
  }
  for (const productId of crossedZero.values()) {
    const inStock = Boolean(await InventoryItem.exists({ productId, available: { $gt: 0 } }));
    // Conditional, so only a real change writes and announces itself.
    const updated = await Product.findOneAndUpdate(
      { _id: productId, inStock: !inStock },
      { $set: { inStock } },
      { returnDocument: 'after' },
    )
      .select({ slug: 1 })
      .lean();
    if (updated) {
      invalidateListings();
      await emitProductEvent(logger, productUpdated, {
        productId: productId.toString(),
        slug: updated.slug,
      });
    }
  }
}

import type { ProductModels } from '@shop/db/product';
import { TRPCError } from '@trpc/server';
import type { SetLowStockThresholdInput } from './inputs';
import { invalidateListings } from './listing-cache';

/** Sets the available count at or below which a SKU is listed as low on stock. */
export async function setLowStockThreshold(
  { InventoryItem }: Pick<ProductModels, 'InventoryItem'>,
  input: SetLowStockThresholdInput,
) {
  const updated = await InventoryItem.findOneAndUpdate(
    { sku: input.sku },
    { $set: { lowStockThreshold: input.lowStockThreshold } },
    { returnDocument: 'after' },
  ).lean();
  if (!updated) throw new TRPCError({ code: 'NOT_FOUND', message: `Unknown SKU: ${input.sku}` });
  invalidateListings(); // the product table's "some low" flag reads thresholds
  return {
    sku: updated.sku,
    lowStockThreshold: updated.lowStockThreshold,
    low: updated.available <= updated.lowStockThreshold,
  };
}

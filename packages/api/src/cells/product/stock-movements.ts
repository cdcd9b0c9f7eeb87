import type { ProductModels } from '@shop/db/product';
import type { Types } from 'mongoose';

/** One SKU's available units before and after a movement, for the effects that follow. */
export interface StockChange {
  sku: string;
  productId: Types.ObjectId;
  availableBefore: number;
  availableAfter: number;
  lowStockThreshold: number;
}

type InventoryItems = ProductModels['InventoryItem'];

/**
 * Holds `quantity` units for a reservation: one conditional update (`available >= quantity`), so
 * concurrent callers can never take the same units twice. `null` when there are not enough.
 */
export async function takeUnits(
  InventoryItem: InventoryItems,
  sku: string,
  quantity: number,
): Promise<StockChange | null> {
  const after = await InventoryItem.findOneAndUpdate(
    { sku, available: { $gte: quantity } },
    { $inc: { available: -quantity, reserved: quantity } },
    { returnDocument: 'after' },
  ).lean();
  if (!after) return null;
  if (after.available < 0) {
    // Unreachable on MongoDB and on the in-memory fallback (both apply a conditional update
    // atomically: tested); kept so a server that interleaved could still never oversell.
    await InventoryItem.updateOne({ sku }, { $inc: { available: quantity, reserved: -quantity } });
    return null;
  }
  return changeOf(after, after.available + quantity);
}

/** Gives held units back (release, expiry, undoing a failed reservation). */
export async function returnUnits(
  InventoryItem: InventoryItems,
  sku: string,
  quantity: number,
): Promise<StockChange | null> {
  const after = await InventoryItem.findOneAndUpdate(
    { sku, reserved: { $gte: quantity } },
    { $inc: { available: quantity, reserved: -quantity } },
    { returnDocument: 'after' },
  ).lean();
  return after ? changeOf(after, after.available - quantity) : null;
}

/** The order completed: held units leave the warehouse (on hand and reserved both drop). */
export async function shipUnits(
  InventoryItem: InventoryItems,
  sku: string,
  quantity: number,
): Promise<boolean> {
  const result = await InventoryItem.updateOne(
    { sku, reserved: { $gte: quantity }, onHand: { $gte: quantity } },
    { $inc: { onHand: -quantity, reserved: -quantity } },
  );
  return result.modifiedCount === 1;
}

function changeOf(
  item: { sku: string; productId: Types.ObjectId; available: number; lowStockThreshold: number },
  availableBefore: number,
): StockChange {
  return {
    sku: item.sku,
    productId: item.productId,
    availableBefore,
    availableAfter: item.available,
    lowStockThreshold: item.lowStockThreshold,
  };
}

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
 * Who moves held units: the reservation's id, recorded in `InventoryItem.holds` by the same update
 * that moves them, so a retried movement is a no-op; `null` for a reservation made before holds
 * were recorded on items (it moves units unconditionally, as it always did).
 */
export type Holder = string | null;

/** The filter and update parts that tie a movement to its holder's entry in `holds`. */
function holdGuard(holder: Holder, entry: 'added' | 'removed') {
  if (holder === null) return { filter: {}, update: {} };
  return entry === 'added'
    ? { filter: { holds: { $ne: holder } }, update: { $push: { holds: holder } } }
    : { filter: { holds: holder }, update: { $pull: { holds: holder } } };
}

/**
 * Holds `quantity` units for a reservation: one conditional update (`available >= quantity`), so
 * concurrent callers can never take the same units twice. `null` when there are not enough, or
 * when `holder` already holds units here (a retried take).
 */
export async function takeUnits(
  InventoryItem: InventoryItems,
  sku: string,
  quantity: number,
  holder: Holder,
): Promise<StockChange | null> {
  const guard = holdGuard(holder, 'added');
  const after = await InventoryItem.findOneAndUpdate(
    { sku, available: { $gte: quantity }, ...guard.filter },
    { $inc: { available: -quantity, reserved: quantity }, ...guard.update },
    { returnDocument: 'after' },
  ).lean();
  if (!after) return null;
  if (after.available < 0) {
    // Unreachable on MongoDB and on the in-memory fallback (both apply a conditional update
    // atomically: tested); kept so a server that interleaved could still never oversell.
    await InventoryItem.updateOne(
      { sku },
      {
        $inc: { available: quantity, reserved: -quantity },
        ...holdGuard(holder, 'removed').update,
      },
    );
    return null;
  }
  return changeOf(after, after.available + quantity);
}

/** Whether `holder` holds units of `sku` (a take that found nothing to do may have done it before). */
export async function holdsUnits(
  InventoryItem: InventoryItems,
  sku: string,
  holder: string,
): Promise<boolean> {
  return (await InventoryItem.exists({ sku, holds: holder })) !== null;
}

/**
 * Gives held units back (release, expiry, undoing a failed reservation). `null` when there was
 * nothing to give back: `holder` holds nothing here (already given back or shipped).
 */
export async function returnUnits(
  InventoryItem: InventoryItems,
  sku: string,
  quantity: number,
  holder: Holder,
): Promise<StockChange | null> {
  const guard = holdGuard(holder, 'removed');
  const after = await InventoryItem.findOneAndUpdate(
    { sku, reserved: { $gte: quantity }, ...guard.filter },
    { $inc: { available: quantity, reserved: -quantity }, ...guard.update },
    { returnDocument: 'after' },
  ).lean();
  return after ? changeOf(after, after.available - quantity) : null;
}

/**
 * The order completed: held units leave the warehouse (on hand and reserved both drop). `false`
 * when `holder` holds nothing here (already shipped, or given back).
 */
export async function shipUnits(
  InventoryItem: InventoryItems,
  sku: string,
  quantity: number,
  holder: Holder,
): Promise<boolean> {
  const guard = holdGuard(holder, 'removed');
  const result = await InventoryItem.updateOne(
    { sku, reserved: { $gte: quantity }, onHand: { $gte: quantity }, ...guard.filter },
    { $inc: { onHand: -quantity, reserved: -quantity }, ...guard.update },
  );
  return result.modifiedCount === 1;
}

/** How many returned reservations an item remembers: far more than can be retried at once. */
const rememberedReturns = 200;

/**
 * A committed order was cancelled: its units go back on hand. Keyed by the reservation in
 * `returnedHolds`, so a retry after a crash puts each SKU's units back once. `null` when done before.
 */
export async function restockUnits(
  InventoryItem: InventoryItems,
  sku: string,
  quantity: number,
  holder: Holder,
): Promise<StockChange | null> {
  const guard =
    holder === null
      ? { filter: {}, update: {} }
      : {
          filter: { returnedHolds: { $ne: holder } },
          update: { $push: { returnedHolds: { $each: [holder], $slice: -rememberedReturns } } },
        };
  const after = await InventoryItem.findOneAndUpdate(
    { sku, ...guard.filter },
    { $inc: { onHand: quantity, available: quantity }, ...guard.update },
    { returnDocument: 'after' },
  ).lean();
  return after ? changeOf(after, after.available - quantity) : null;
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

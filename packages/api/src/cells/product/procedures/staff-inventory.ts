import type { StaffArgs } from '../../../trpc/context';
import { productDatabase } from '../database';
import type {
  AdjustInventoryInput,
  InventoryListInput,
  SetLowStockThresholdInput,
  StockMovementsInput,
} from '../inputs';
import { listInventory } from '../inventory-list';
import { stockMovementsOf } from '../inventory-movements';
import { setLowStockThreshold as setThreshold } from '../inventory-threshold';
import { adjustStock } from '../stock-adjustment';

// The stock page: reads (`catalog:read`), adjustments and thresholds (`catalog:write`).

/** Every SKU with on hand, reserved and available; searched, low-stock only on request. */
export async function inventoryList({ input }: StaffArgs<InventoryListInput>) {
  return listInventory(await productDatabase.models(), input);
}

/** One SKU's counts and every movement, with who and when. */
export async function stockMovements({ input }: StaffArgs<StockMovementsInput>) {
  return stockMovementsOf(await productDatabase.models(), input);
}

/** Units received, damaged, returned, or a count; recorded in the ledger with its reason. */
export async function adjustInventory({ input, ctx }: StaffArgs<AdjustInventoryInput>) {
  const { reason, note, ...change } = input;
  const models = await productDatabase.models();
  const before = await models.InventoryItem.findOne({ sku: input.sku }, { onHand: 1 }).lean();
  const counts = await adjustStock(models, { ...change, reason }, ctx.logger, {
    reason,
    note: note ?? '',
    source: 'inventory',
    actor: { id: ctx.identity.accountId, email: ctx.identity.email },
  });
  ctx.audit.record({
    object: { type: 'inventory', id: counts.sku },
    // A repeated request (same key) changed nothing: before and after then match.
    before: before && { onHand: counts.applied ? before.onHand : counts.onHand },
    after: { onHand: counts.onHand, reason, note: note ?? '' },
  });
  return {
    sku: counts.sku,
    onHand: counts.onHand,
    reserved: counts.reserved,
    available: counts.available,
  };
}

export async function setLowStockThreshold({ input, ctx }: StaffArgs<SetLowStockThresholdInput>) {
  const models = await productDatabase.models();
  const before = await models.InventoryItem.findOne({ sku: input.sku }).lean();
  const result = await setThreshold(models, input);
  ctx.audit.record({
    object: { type: 'inventory', id: input.sku },
    before: before && { lowStockThreshold: before.lowStockThreshold ?? null },
    after: { lowStockThreshold: input.lowStockThreshold },
  });
  return result;
}

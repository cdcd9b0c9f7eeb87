import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
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

type StaffArgs<Input> = HandlerArgs<Input, SignedInContext>;

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
  const counts = await adjustStock(
    await productDatabase.models(),
    { ...change, reason },
    ctx.logger,
    {
      reason,
      note: note ?? '',
      source: 'inventory',
      actor: { id: ctx.identity.accountId, email: ctx.identity.email },
    },
  );
  return {
    sku: counts.sku,
    onHand: counts.onHand,
    reserved: counts.reserved,
    available: counts.available,
  };
}

export async function setLowStockThreshold({ input }: StaffArgs<SetLowStockThresholdInput>) {
  return setThreshold(await productDatabase.models(), input);
}

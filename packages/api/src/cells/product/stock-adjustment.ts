import type { ProductModels, StockMovementReason, StockMovementSource } from '@shop/db/product';
import { TRPCError } from '@trpc/server';
import type { Logger } from 'pino';
import { applyStockEffects } from './stock-effects';

type Models = Pick<ProductModels, 'Product' | 'InventoryItem' | 'StockMovement'>;

export type StockAdjustment =
  { sku: string; delta: number; reason: string } | { sku: string; onHand: number; reason: string };

/** What the stock ledger keeps about an adjustment besides the numbers. */
export interface MovementRecord {
  reason: StockMovementReason;
  note?: string;
  source: StockMovementSource;
  actor: { id: string; email: string } | null;
  /**
   * An import's id: the adjustment is applied to a SKU at most once per key (a retried or
   * resumed import finds the key on the item and leaves it alone).
   */
  key?: string;
}

/** Attempts at setting an absolute count before giving up on concurrent reservations. */
const maxCompareAndSetAttempts = 5;
/** Keys remembered per SKU; an import resumed after more than this many others is not expected. */
const rememberedKeys = 20;

export interface AdjustedStock {
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
  /** False when the key had already been applied to this SKU (nothing moved this time). */
  applied: boolean;
}

/**
 * Staff stock changes (a delivery, a stock count, damage). On hand can never go below what is
 * reserved: a delta is one conditional `$inc` on `available`; an absolute count is a
 * compare-and-set on the counts it read, retried if a reservation moved them meanwhile. Each
 * change that moved stock is appended to the ledger (StockMovement) with who made it and why.
 */
export async function adjustStock(
  models: Models,
  adjustment: StockAdjustment,
  logger: Logger,
  record: MovementRecord = { reason: 'other', note: adjustment.reason, source: 'api', actor: null },
): Promise<AdjustedStock> {
  const { InventoryItem } = models;
  const keyFilter = record.key ? { movementKeys: { $ne: record.key } } : {};
  for (let attempt = 0; attempt < maxCompareAndSetAttempts; attempt += 1) {
    const current = await InventoryItem.findOne({ sku: adjustment.sku }).lean();
    if (!current) {
      throw new TRPCError({ code: 'NOT_FOUND', message: `Unknown SKU: ${adjustment.sku}` });
    }
    if (record.key && current.movementKeys?.includes(record.key)) {
      return { ...countsOf(current), applied: false };
    }
    const delta = 'delta' in adjustment ? adjustment.delta : adjustment.onHand - current.onHand;
    if (current.available + delta < 0) {
      throw new TRPCError({
        code: 'CONFLICT',
        message: `${adjustment.sku} has ${current.reserved} units reserved and ${current.onHand} on hand; on hand cannot go below what is reserved`,
      });
    }
    const filter =
      'delta' in adjustment
        ? { sku: adjustment.sku, available: { $gte: -delta }, ...keyFilter }
        : { sku: adjustment.sku, onHand: current.onHand, reserved: current.reserved, ...keyFilter };
    const after = await InventoryItem.findOneAndUpdate(
      filter,
      {
        $inc: { onHand: delta, available: delta },
        ...(record.key
          ? { $push: { movementKeys: { $each: [record.key], $slice: -rememberedKeys } } }
          : {}),
      },
      { returnDocument: 'after' },
    ).lean();
    if (!after) continue; // a reservation (or the same key) moved the counts: read again
    logger.info(
      { sku: after.sku, delta, onHand: after.onHand, reason: record.reason, source: record.source },
      'stock adjusted',
    );
    if (delta !== 0) {
      await models.StockMovement.create({
        sku: after.sku,
        productId: after.productId,
        delta,
        onHandBefore: after.onHand - delta,
        onHandAfter: after.onHand,
        reason: record.reason,
        note: record.note ?? '',
        source: record.source,
        actorId: record.actor?.id ?? null,
        actorEmail: record.actor?.email ?? null,
        key: record.key ?? null,
      });
    }
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
    return { ...countsOf(after), applied: true };
  }
  throw new TRPCError({
    code: 'CONFLICT',
    message: `${adjustment.sku} is changing too fast; try again`,
  });
}

function countsOf(item: { sku: string; onHand: number; reserved: number; available: number }) {
  return { sku: item.sku, onHand: item.onHand, reserved: item.reserved, available: item.available };
}

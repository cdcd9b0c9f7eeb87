import type { ProductModels } from '@shop/db/product';
import { TRPCError } from '@trpc/server';
import type { StockMovementsInput } from './inputs';
import { toInventoryRow } from './inventory-list';
import type { StockMovementView } from './views';

type Models = Pick<ProductModels, 'Product' | 'InventoryItem' | 'StockMovement'>;

const pageSize = 50;

/** One SKU's counts and its ledger, newest first, 50 a page. */
export async function stockMovementsOf(models: Models, input: StockMovementsInput) {
  const { Product, InventoryItem, StockMovement } = models;
  const item = await InventoryItem.findOne({ sku: input.sku })
    .select({ movementKeys: 0, holds: 0, returnedHolds: 0 })
    .lean();
  if (!item) throw new TRPCError({ code: 'NOT_FOUND', message: `Unknown SKU: ${input.sku}` });
  const product = await Product.findById(item.productId)
    .select({ name: 1, slug: 1, status: 1, options: 1, variants: 1 })
    .lean();
  const skip = (input.page - 1) * pageSize;
  const [movements, totalCount] = await Promise.all([
    StockMovement.find({ sku: input.sku })
      .sort({ createdAt: -1, _id: -1 })
      .skip(skip)
      .limit(pageSize)
      .lean(),
    StockMovement.countDocuments({ sku: input.sku }),
  ]);
  return {
    item: toInventoryRow(item, product ?? undefined),
    movements: movements.map((movement): StockMovementView => ({
      id: movement._id.toString(),
      delta: movement.delta,
      onHandBefore: movement.onHandBefore,
      onHandAfter: movement.onHandAfter,
      reason: movement.reason,
      note: movement.note ?? '',
      source: movement.source,
      actorEmail: movement.actorEmail ?? null,
      at: movement.createdAt.toISOString(),
    })),
    totalCount,
    page: input.page,
    hasMore: skip + movements.length < totalCount,
  };
}

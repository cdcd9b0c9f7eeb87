import type { ProductModels } from '@shop/db/product';
import type { Types } from 'mongoose';
import { pageWindow } from '../../trpc/pagination';
import type { InventoryListInput } from './inputs';
import type { InventoryRow } from './views';

type Models = Pick<ProductModels, 'Product' | 'InventoryItem'>;

/** Staff text is matched literally, never as a pattern. */
const literal = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');

/** At or below its own threshold (thresholds differ per SKU, so the filter compares fields). */
const lowStockFilter = { $expr: { $lte: ['$available', '$lowStockThreshold'] } };

/**
 * The stock page's table: one row per SKU with on hand, reserved, available and its threshold,
 * searched by SKU or product name, optionally only SKUs at or below their threshold (lowest
 * availability first), else by SKU.
 */
export async function listInventory(models: Models, input: InventoryListInput) {
  const { Product, InventoryItem } = models;
  const filter: Record<string, unknown> = {};
  if (input.q) {
    const pattern = literal(input.q);
    const products = await Product.find({ $or: [{ name: pattern }, { slug: pattern }] })
      .select({ _id: 1 })
      .limit(500)
      .lean();
    filter.$or = [{ sku: pattern }, { productId: { $in: products.map((p) => p._id) } }];
  }
  if (input.lowStock) Object.assign(filter, lowStockFilter);
  const { skip, limit } = pageWindow(input.page, input.pageSize);
  const [items, totalCount, lowStockCount] = await Promise.all([
    InventoryItem.find(filter)
      .select({ movementKeys: 0, holds: 0, returnedHolds: 0 })
      .sort(input.lowStock ? { available: 1, sku: 1 } : { sku: 1 })
      .skip(skip)
      .limit(limit)
      .lean(),
    InventoryItem.countDocuments(filter),
    InventoryItem.countDocuments(lowStockFilter),
  ]);
  const productIds = [...new Set(items.map((item) => item.productId.toString()))];
  const products = await Product.find({ _id: { $in: productIds } })
    .select({ name: 1, slug: 1, status: 1, options: 1, variants: 1 })
    .lean();
  const byId = new Map(products.map((product) => [product._id.toString(), product]));
  return {
    items: items.map((item) => toInventoryRow(item, byId.get(item.productId.toString()))),
    totalCount,
    lowStockCount,
    page: input.page,
    hasMore: skip + items.length < totalCount,
  };
}

export function toInventoryRow(
  item: {
    sku: string;
    productId: Types.ObjectId;
    onHand: number;
    reserved: number;
    available: number;
    lowStockThreshold: number;
  },
  product:
    | {
        name: string;
        slug: string;
        status: string;
        options: { name: string }[];
        variants: { sku: string; optionValues: string[] }[];
      }
    | undefined,
): InventoryRow {
  const variant = product?.variants.find((candidate) => candidate.sku === item.sku);
  return {
    sku: item.sku,
    productId: item.productId.toString(),
    productName: product?.name ?? '(product removed)',
    productSlug: product?.slug ?? '',
    productStatus: product?.status ?? 'archived',
    variantLabel: variant?.optionValues.join(' / ') ?? '',
    onHand: item.onHand,
    reserved: item.reserved,
    available: item.available,
    lowStockThreshold: item.lowStockThreshold,
    low: item.available <= item.lowStockThreshold,
  };
}

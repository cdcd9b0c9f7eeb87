import type { ProductModels } from '@shop/db/product';
import type { Types } from 'mongoose';
import { pageWindow } from '../../trpc/pagination';
import { brandList } from './admin-brand-list';
import { categoryWithDescendants, loadCategories } from './catalog-queries';
import type { AdminListInput, AdminProductSort } from './inputs';
import { toAdminProduct } from './views';

type Models = Pick<ProductModels, 'Product' | 'InventoryItem'>;

/** Each order ends on `_id`, so pages never repeat or skip a product with an equal key. */
const sortOrders: Record<AdminProductSort, Record<string, 1 | -1>> = {
  updated: { updatedAt: -1, _id: 1 },
  name_asc: { name: 1, _id: 1 },
  name_desc: { name: -1, _id: 1 },
  price_asc: { priceMinMinor: 1, _id: 1 },
  price_desc: { priceMaxMinor: -1, _id: 1 },
  newest: { createdAt: -1, _id: 1 },
};

/** Staff text is matched literally, never as a pattern. */
const literal = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');

/**
 * Products with a SKU at or below its low-stock threshold (thresholds differ per SKU). Only SKUs
 * with at most the highest threshold available can be low, so the read is a range of the
 * `{ available, lowStockThreshold, productId }` index (the few SKUs nearly sold out), not every
 * inventory row; the highest threshold is one lookup on `{ lowStockThreshold: -1 }`.
 */
async function lowStockProductIds({ InventoryItem }: Models): Promise<Types.ObjectId[]> {
  const highest = await InventoryItem.findOne({}, { _id: 0, lowStockThreshold: 1 })
    .sort({ lowStockThreshold: -1 })
    .lean();
  if (!highest) return [];
  const low = await InventoryItem.find(
    {
      available: { $lte: highest.lowStockThreshold },
      $expr: { $lte: ['$available', '$lowStockThreshold'] },
    },
    { _id: 0, productId: 1 },
  ).lean();
  const unique = new Map(low.map((row) => [String(row.productId), row.productId]));
  return [...unique.values()];
}

async function filterFor(models: Models, input: AdminListInput) {
  const filter: Record<string, unknown> = {};
  if (input.status) filter.status = input.status;
  if (input.brand) filter.brand = input.brand;
  if (input.categorySlug) {
    filter.categorySlugs = {
      $in: categoryWithDescendants(await loadCategories(), input.categorySlug),
    };
  }
  if (input.q) {
    const pattern = literal(input.q);
    filter.$or = [
      { name: pattern },
      { slug: pattern },
      { brand: pattern },
      { 'variants.sku': pattern },
      { 'variants.barcode': pattern },
    ];
  }
  const stock = input.stock ?? (input.lowStock ? 'low_stock' : undefined);
  if (stock === 'in_stock') filter.inStock = true;
  if (stock === 'out_of_stock') filter.inStock = false;
  if (stock === 'low_stock') filter._id = { $in: await lowStockProductIds(models) };
  return filter;
}

/** Staff's product table: any status, filtered, ordered and paged; brands for the filter. */
export async function listAdminProducts(models: Models, input: AdminListInput) {
  const { Product, InventoryItem } = models;
  const filter = await filterFor(models, input);
  const { skip, limit } = pageWindow(input.page, input.pageSize);
  const [products, totalCount, brands] = await Promise.all([
    Product.find(filter)
      .select({ description: 0, descriptionHtml: 0, attributes: 0, bulkKeys: 0 })
      .sort(sortOrders[input.sort])
      .skip(skip)
      .limit(limit)
      .lean(),
    Product.countDocuments(filter),
    brandList(models),
  ]);
  const stock = await InventoryItem.find({
    productId: { $in: products.map((product) => product._id) },
  }).lean();
  return {
    items: products.map((product) =>
      toAdminProduct(
        product,
        stock.filter((row) => row.productId.equals(product._id)),
      ),
    ),
    totalCount,
    page: input.page,
    hasMore: skip + products.length < totalCount,
    brands,
  };
}

import type { ProductModels } from '@shop/db/product';
import { stringify } from 'csv-stringify/sync';
import { majorUnitsText, productCsvColumns, type ProductCsvColumn } from './csv-product-columns';

type Models = Pick<ProductModels, 'Product' | 'InventoryItem'>;

/** Products read per round trip: bounded memory however large the catalogue. */
const batchSize = 500;

/**
 * Every product in any status as CSV (docs/back-office.md § CSV): one row per variant, product
 * columns on each product's first row only, by handle. A UTF-8 byte-order mark leads, so
 * spreadsheet programs open accented names correctly; importing the file unchanged reports no
 * changes (tested).
 */
export async function exportProductsCsv({ Product, InventoryItem }: Models): Promise<string> {
  const chunks: string[] = ['\uFEFF', stringify([productCsvColumns as unknown as string[]])];
  // Every SKU's counts in one read (a few bytes each): per-batch `$in` reads cost far more.
  const stock = await InventoryItem.find({})
    .select({ _id: 0, sku: 1, onHand: 1, lowStockThreshold: 1 })
    .lean();
  const bySku = new Map(stock.map((item) => [item.sku, item]));
  let after = '';
  for (;;) {
    const products = await Product.find(after ? { slug: { $gt: after } } : {})
      .select({ bulkKeys: 0, descriptionHtml: 0, attributes: 0, images: 0 })
      .sort({ slug: 1 })
      .limit(batchSize)
      .lean();
    if (products.length === 0) break;
    after = products[products.length - 1]!.slug;
    const rows: string[][] = [];
    for (const product of products) {
      product.variants.forEach((variant, index) => {
        const item = bySku.get(variant.sku);
        const cells: Partial<Record<ProductCsvColumn, string>> = {
          handle: product.slug,
          sku: variant.sku,
          price: majorUnitsText(variant.priceMinor),
          compare_at_price:
            variant.compareAtPriceMinor != null ? majorUnitsText(variant.compareAtPriceMinor) : '',
          barcode: variant.barcode ?? '',
          weight_grams: variant.weightGrams != null ? String(variant.weightGrams) : '',
          stock: item ? String(item.onHand) : '',
          low_stock_threshold: item ? String(item.lowStockThreshold) : '',
        };
        product.options.forEach((option, optionIndex) => {
          const n = optionIndex + 1;
          cells[`option${n}_name` as ProductCsvColumn] = option.name;
          cells[`option${n}_value` as ProductCsvColumn] = variant.optionValues[optionIndex] ?? '';
        });
        if (index === 0) {
          Object.assign(cells, {
            name: product.name,
            brand: product.brand,
            status: product.status,
            tax_class: product.taxClass ?? 'standard',
            categories: product.categorySlugs.join('|'),
            tags: (product.tags ?? []).join('|'),
            description: product.description ?? '',
          });
        }
        rows.push(productCsvColumns.map((column) => cells[column] ?? ''));
      });
    }
    chunks.push(stringify(rows));
  }
  return chunks.join('');
}

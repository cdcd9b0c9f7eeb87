import { closeDatabaseConnections, connectDomainDatabase } from '@shop/db';
import { productModels } from '@shop/db/product';

/**
 * Three SKUs of different products in the seeded catalogue, each given a million units of stock,
 * so no cart operation a benchmark makes is refused for want of stock.
 */
export async function stockedCartSkus(uri: string): Promise<[string, string, string]> {
  const { Product, InventoryItem } = productModels(await connectDomainDatabase('product', { uri }));
  const products = await Product.find({ status: 'active' }).sort({ slug: 1 }).limit(3).lean();
  const skus = products.map((product) => product.variants[0]?.sku ?? '');
  if (skus.length !== 3 || skus.some((sku) => !sku)) {
    throw new Error('the seeded catalogue has fewer than three active products with a variant');
  }
  for (const sku of skus) {
    await InventoryItem.updateOne(
      { sku },
      { $set: { onHand: 1_000_000, reserved: 0, available: 1_000_000 } },
    );
  }
  await closeDatabaseConnections();
  return skus as [string, string, string];
}

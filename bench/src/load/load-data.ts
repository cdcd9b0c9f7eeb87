import { closeDatabaseConnections, connectDomainDatabase } from '@shop/db';
import { productModels } from '@shop/db/product';

/** What the shoppers pick from at random: real slugs, SKUs and words from the seeded catalogue. */
export interface LoadData {
  categories: string[];
  products: string[];
  /** SKUs given stock that never runs out, so every checkout can confirm. */
  skus: string[];
  searchWords: string[];
  /** The first letters of those words, as typed into the search box. */
  prefixes: string[];
  customer: { email: string; password: string };
}

export async function pickLoadData(
  databaseUri: string,
  accounts: { email: string; password: string; role: string }[],
): Promise<LoadData> {
  const connection = await connectDomainDatabase('product', { uri: databaseUri });
  try {
    const { Category, InventoryItem, Product } = productModels(connection);
    const categories = await Category.find({}, { slug: 1 }).limit(30).lean();
    const products = await Product.find({ status: 'active' }, { slug: 1, name: 1, variants: 1 })
      .sort({ slug: 1 })
      .limit(200)
      .lean();
    const skus = products.slice(0, 20).map((product) => product.variants[0]?.sku ?? '');
    await InventoryItem.updateMany(
      { sku: { $in: skus } },
      { $set: { onHand: 1_000_000, reserved: 0, available: 1_000_000 } },
    );
    const words = [
      ...new Set(
        products.flatMap((product) =>
          product.name
            .toLowerCase()
            .split(/\s+/)
            .filter((word) => /^[a-z]{4,}$/.test(word)),
        ),
      ),
    ].slice(0, 60);
    const customer = accounts.find((account) => account.role === 'customer');
    if (!customer || categories.length === 0 || products.length === 0) {
      throw new Error('the seed has no customer, categories or products to load');
    }
    return {
      categories: categories.map((category) => category.slug),
      products: products.map((product) => product.slug),
      skus: skus.filter(Boolean),
      searchWords: words,
      prefixes: words.map((word) => word.slice(0, 3)),
      customer: { email: customer.email, password: customer.password },
    };
  } finally {
    await closeDatabaseConnections();
  }
}

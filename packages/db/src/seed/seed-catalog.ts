import { type ProductModels } from '../product';
import { demoCategories, demoProducts } from './demo-catalog';
import { upsertBy } from './upsert-by';

/** Categories and products, matched by slug. */
export async function seedCatalog({ Category, Product }: ProductModels): Promise<void> {
  for (const category of demoCategories) {
    await upsertBy(Category, { slug: category.slug }, category);
  }
  for (const product of demoProducts()) {
    await upsertBy(Product, { slug: product.slug }, product);
  }
}

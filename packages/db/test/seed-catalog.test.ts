import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabaseConnections, connectDomainDatabase } from '../src';
import { productModels, type ProductModels } from '../src/product';
import { generateCatalog } from '../src/seed';
import { seedCatalog } from '../src/seed/seed-catalog';
import { isolateTestDatabases } from '../src/testing';

isolateTestDatabases();
afterAll(() => closeDatabaseConnections());

let models: ProductModels;
beforeAll(async () => {
  models = productModels(await connectDomainDatabase('product'));
});

const seedWith = (productCount: number, seed = 1) =>
  seedCatalog(models, generateCatalog({ productCount, seed }), { productCount, seed });

describe('seedCatalog', () => {
  it('writes once, skips when unchanged, and replaces only generated documents', async () => {
    expect(await seedWith(40)).toBe('written');
    expect(await seedWith(40)).toBe('unchanged');

    // Staff create a category and a product of their own between seeds.
    await models.Category.create({ slug: 'staff-picks', name: 'Staff picks' });
    const staffProduct = await models.Product.create({
      slug: 'staff-made',
      name: 'Staff made',
      brand: 'Shop',
      currency: 'EUR',
      variants: [{ sku: 'STAFF-1', priceMinor: 100 }],
      priceMinMinor: 100,
      priceMaxMinor: 100,
    });
    await models.InventoryItem.create({ sku: 'STAFF-1', productId: staffProduct._id, onHand: 2 });

    // A different size replaces the generated catalog and leaves the staff's documents alone.
    expect(await seedWith(25)).toBe('written');
    const generated = generateCatalog({ productCount: 25, seed: 1 });
    expect(await models.Product.countDocuments()).toBe(26);
    expect(await models.Category.countDocuments()).toBe(generated.categories.length + 1);
    expect(await models.InventoryItem.countDocuments()).toBe(generated.inventory.length + 1);
    expect(await models.Product.exists({ slug: 'staff-made' })).toBeTruthy();
    expect(await models.Category.exists({ slug: 'staff-picks' })).toBeTruthy();
  });

  it('leaves out a generated product whose slug staff took, and skips it on the next run', async () => {
    const generated = generateCatalog({ productCount: 30, seed: 1 });
    const wanted = generated.products[29];
    await models.Product.create({
      slug: wanted?.slug,
      name: 'Staff kept this name',
      brand: 'Shop',
      currency: 'EUR',
      variants: [{ sku: 'STAFF-2', priceMinor: 100 }],
      priceMinMinor: 100,
      priceMaxMinor: 100,
    });
    expect(await seedWith(30)).toBe('written');
    const sameSlug = await models.Product.find({ slug: wanted?.slug }).lean();
    expect(sameSlug.map((product) => product.name)).toEqual(['Staff kept this name']);
    expect(await seedWith(30)).toBe('unchanged');
    // Back to the size the next test expects.
    await models.Product.deleteOne({ slug: wanted?.slug });
    expect(await seedWith(25)).toBe('written');
  });

  it('removes the pre-variant demo catalog an older checkout left in the database', async () => {
    await models.Product.collection.insertOne({
      slug: 'oak-desk-lamp',
      name: 'Oak Desk Lamp',
      priceMinor: 4999,
      stock: 3,
    });
    await models.Category.collection.insertOne({ slug: 'lighting', name: 'Lighting', position: 1 });
    // The generated catalog itself is intact, so only the leftovers go.
    expect(await seedWith(25)).toBe('unchanged');
    expect(await models.Product.exists({ slug: 'oak-desk-lamp' })).toBeNull();
    const lighting = await models.Category.find({ slug: 'lighting' }).lean();
    expect(lighting.map((category) => category.parentSlug)).toEqual(['home']);
  });

  it('repairs a catalog whose generated products were deleted', async () => {
    expect(await seedWith(25)).toBe('unchanged');
    const [first] = generateCatalog({ productCount: 1, seed: 1 }).products;
    await models.Product.deleteOne({ slug: first?.slug });
    expect(await seedWith(25)).toBe('written');
    expect(await models.Product.exists({ slug: first?.slug })).toBeTruthy();
    expect(await models.Product.countDocuments()).toBe(26);
  });
});

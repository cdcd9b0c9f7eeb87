import { describe, expect, it } from 'vitest';
import { productModels } from '../src/product';
import { generateCatalog } from '../src/seed';
import mongoose from 'mongoose';

const catalog = generateCatalog();
const { products, categories, inventory } = catalog;

/** Whether `value` is what the document's model puts at `key` when nothing is given. */
function isSchemaDefault(document: mongoose.Document, key: string, value: unknown): boolean {
  const Model = document.constructor as mongoose.Model<unknown>;
  const blank = new Model({}).toObject() as Record<string, unknown>;
  return key in blank && JSON.stringify(blank[key]) === JSON.stringify(value);
}

describe('generateCatalog', () => {
  it('is deterministic, and a smaller catalog is the start of a larger one', () => {
    expect(generateCatalog()).toEqual(catalog);
    expect(generateCatalog({ productCount: 50 }).products).toEqual(products.slice(0, 50));
    expect(generateCatalog({ seed: 7 }).products).not.toEqual(products);
  });

  it('builds a two-level tree of 20+ categories that keeps the original six', () => {
    expect(categories.length).toBeGreaterThanOrEqual(20);
    const slugs = new Set(categories.map((category) => category.slug));
    expect(slugs.size).toBe(categories.length);
    for (const slug of ['lighting', 'furniture', 'kitchen', 'textiles', 'stationery', 'outdoor']) {
      expect(slugs).toContain(slug);
    }
    for (const category of categories) {
      if (category.parentSlug === null) expect(category.ancestorSlugs).toEqual([]);
      else expect(category.ancestorSlugs).toEqual([category.parentSlug]);
    }
    expect(categories.find((category) => category.slug === 'lighting')?.parentSlug).toBe('home');
  });

  it('gives 2,000 products unique slugs and SKUs, every one in a leaf category', () => {
    expect(products).toHaveLength(2000);
    expect(new Set(products.map((product) => product.slug)).size).toBe(2000);
    const skus = products.flatMap((product) => product.variants.map((variant) => variant.sku));
    expect(new Set(skus).size).toBe(skus.length);
    const leaves = new Set(categories.filter((c) => c.parentSlug).map((c) => c.slug));
    for (const product of products) {
      expect(product.categorySlugs.every((slug) => leaves.has(slug))).toBe(true);
    }
    // Every leaf has products.
    expect(new Set(products.flatMap((product) => product.categorySlugs))).toEqual(leaves);
  });

  it('varies apparel by size and colour, some products by colour, others not at all', () => {
    const shirt = products.find((product) => product.categorySlugs.includes('shirts'));
    expect(shirt?.options.map((option) => option.name)).toEqual(['Size', 'Colour']);
    expect(shirt?.variants.length).toBe(
      (shirt?.options[0]?.values.length ?? 0) * (shirt?.options[1]?.values.length ?? 0),
    );
    expect(products.some((product) => product.options.length === 0)).toBe(true);
    expect(products.some((p) => p.options.length === 1 && p.options[0]?.name === 'Colour')).toBe(
      true,
    );
    for (const product of products) {
      for (const variant of product.variants) {
        expect(variant.optionValues).toHaveLength(product.options.length);
        expect(product.images[variant.imageIndex]).toBeDefined();
      }
    }
  });

  it('draws one image per colour, or a default one, with alt text', () => {
    const withColour = products.find((product) =>
      product.options.some((option) => option.name === 'Colour'),
    );
    const colours = withColour?.options.find((option) => option.name === 'Colour')?.values ?? [];
    expect(withColour?.images).toHaveLength(colours.length);
    expect(withColour?.images[0]?.url).toMatch(
      new RegExp(`^/images/products/${withColour?.slug}/[a-z0-9-]+\\.svg$`),
    );
    expect(withColour?.images[0]?.alt).toBe(`${withColour?.name} in ${colours[0]}`);
    const plain = products.find((product) => product.options.length === 0);
    expect(plain?.images).toEqual([
      { url: `/images/products/${plain?.slug}/default.svg`, alt: plain?.name },
    ]);
  });

  it('prices in whole cents, with some sales, and keeps the denormalised range right', () => {
    for (const product of products) {
      const prices = product.variants.map((variant) => variant.priceMinor);
      expect(prices.every((price) => Number.isInteger(price) && price > 0)).toBe(true);
      expect(product.priceMinMinor).toBe(Math.min(...prices));
      expect(product.priceMaxMinor).toBe(Math.max(...prices));
      for (const variant of product.variants) {
        if (variant.compareAtPriceMinor !== undefined) {
          expect(variant.compareAtPriceMinor).toBeGreaterThan(variant.priceMinor);
        }
      }
    }
    const onSale = products.filter((p) => p.variants[0]?.compareAtPriceMinor !== undefined);
    expect(onSale.length).toBeGreaterThan(100);
    expect(onSale.length).toBeLessThan(600);
  });

  it('has mostly active products, some drafts and archived, and every collection filled', () => {
    const count = (status: string) => products.filter((p) => p.status === status).length;
    expect(count('active')).toBeGreaterThan(1700);
    expect(count('draft')).toBeGreaterThan(0);
    expect(count('archived')).toBeGreaterThan(0);
    for (const collection of ['featured', 'new-arrivals', 'best-sellers'] as const) {
      expect(products.filter((p) => p.collections.includes(collection)).length).toBeGreaterThan(8);
    }
    expect(products.filter((p) => p.status === 'draft').every((p) => !p.publishedAt)).toBe(true);
  });

  it('stocks every SKU, some low and some sold out, with inStock matching', () => {
    const skus = products.flatMap((product) => product.variants.map((variant) => variant.sku));
    expect(inventory.map((item) => item.sku)).toEqual(skus);
    expect(inventory.every((item) => item.available === item.onHand - item.reserved)).toBe(true);
    expect(inventory.some((item) => item.onHand === 0)).toBe(true);
    expect(inventory.some((item) => item.onHand > 0 && item.onHand <= 5)).toBe(true);
    for (const product of products.slice(0, 200)) {
      const available = inventory
        .filter((item) => item.productId === product._id)
        .some((item) => item.available > 0);
      expect(product.inStock).toBe(available);
    }
  });

  it('includes a handful of laptops named as such', () => {
    const laptops = products.filter((product) => product.categorySlugs.includes('laptops'));
    expect(laptops.length).toBeGreaterThanOrEqual(5);
    expect(laptops.some((laptop) => /\bLaptop\b/.test(laptop.name))).toBe(true);
  });

  // The seed inserts these through the driver, skipping mongoose, so the schemas are checked here.
  it('produces documents the mongoose models accept and store unchanged', async () => {
    const models = productModels(mongoose.createConnection());
    const check = async (document: mongoose.Document, original: object) => {
      await expect(document.validate()).resolves.toBeUndefined();
      // Casting (upper-case SKUs, lower-case slugs, trimming) would change nothing.
      const { _id, ...stored } = document.toObject({ versionKey: false, flattenObjectIds: true });
      // Fields the schema fills in with a default (a product's `version`, `descriptionHtml`,
      // `bulkKeys`) are not part of what the generator writes: the cells read a missing one as
      // its default (a seeded product is at version 0).
      const defaults = Object.fromEntries(
        Object.entries(stored).filter(
          ([key, value]) => !(key in original) && isSchemaDefault(document, key, value),
        ),
      );
      const expected = { ...defaults, ...JSON.parse(JSON.stringify(original)) } as { _id?: string };
      if (expected._id) expect(_id).toBe(expected._id);
      delete expected._id;
      expect(JSON.parse(JSON.stringify(stored))).toEqual(expected);
    };
    // A sample of every kind: the whole catalog takes seconds and tells no more.
    for (const product of products.slice(0, 400)) await check(new models.Product(product), product);
    for (const category of categories) await check(new models.Category(category), category);
    for (const item of inventory.slice(0, 400)) await check(new models.InventoryItem(item), item);
  });
});

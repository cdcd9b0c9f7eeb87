import { connectDomainDatabase } from '@shop/db';
import { productModels } from '@shop/db/product';

/**
 * A small catalog whose every count is known, written straight into products_db (the search cell
 * reads it from there). Tree: electronics > computers > laptops, home > lighting, home >
 * furniture, clothing.
 */
export const fixtureCategories = [
  { slug: 'electronics', name: 'Electronics', parentSlug: null, ancestorSlugs: [] },
  {
    slug: 'computers',
    name: 'Computers',
    parentSlug: 'electronics',
    ancestorSlugs: ['electronics'],
  },
  {
    slug: 'laptops',
    name: 'Laptops',
    parentSlug: 'computers',
    ancestorSlugs: ['electronics', 'computers'],
  },
  { slug: 'home', name: 'Home', parentSlug: null, ancestorSlugs: [] },
  { slug: 'lighting', name: 'Lighting', parentSlug: 'home', ancestorSlugs: ['home'] },
  { slug: 'furniture', name: 'Furniture', parentSlug: 'home', ancestorSlugs: ['home'] },
  { slug: 'clothing', name: 'Clothing', parentSlug: null, ancestorSlugs: [] },
];

interface FixtureProduct {
  slug: string;
  name: string;
  brand: string;
  category: string;
  priceMinor: number;
  rating: number;
  inStock: boolean;
  status?: 'active' | 'draft' | 'archived';
  attributes?: Record<string, string>;
  options?: { name: string; values: string[] }[];
  publishedAt: string;
}

export const fixtureProducts: FixtureProduct[] = [
  {
    slug: 'aurora-14-laptop',
    name: 'Aurora 14 Laptop',
    brand: 'Northwind',
    category: 'laptops',
    priceMinor: 89_900,
    rating: 4.6,
    inStock: true,
    attributes: { Colour: 'Silver', Material: 'Aluminium' },
    publishedAt: '2026-01-10',
  },
  {
    slug: 'zephyr-16-laptop-pro',
    name: 'Zephyr 16 Laptop Pro',
    brand: 'Contoso',
    category: 'laptops',
    priceMinor: 149_900,
    rating: 4.2,
    inStock: false,
    attributes: { Colour: 'Black' },
    publishedAt: '2026-03-01',
  },
  {
    slug: 'oak-desk-lamp',
    name: 'Oak Desk Lamp',
    brand: 'Lumen',
    category: 'lighting',
    priceMinor: 4_500,
    rating: 3.8,
    inStock: true,
    attributes: { Colour: 'Natural', Material: 'Oak' },
    publishedAt: '2026-02-01',
  },
  {
    slug: 'brass-floor-lamp',
    name: 'Brass Floor Lamp',
    brand: 'Lumen',
    category: 'lighting',
    priceMinor: 12_900,
    rating: 4.9,
    inStock: true,
    attributes: { Colour: 'Gold', Material: 'Brass' },
    publishedAt: '2026-04-01',
  },
  {
    slug: 'linen-lampshade',
    name: 'Linen Lampshade',
    brand: 'Hearth',
    category: 'lighting',
    priceMinor: 1_900,
    rating: 2.5,
    inStock: true,
    attributes: { Colour: 'White', Material: 'Linen' },
    publishedAt: '2026-01-20',
  },
  {
    slug: 'walnut-side-table',
    name: 'Walnut Side Table',
    brand: 'Hearth',
    category: 'furniture',
    priceMinor: 19_900,
    rating: 4.1,
    inStock: true,
    attributes: { Material: 'Walnut' },
    publishedAt: '2026-05-01',
  },
  {
    slug: 'cotton-tee',
    name: 'Cotton Tee',
    brand: 'Basics',
    category: 'clothing',
    priceMinor: 1_500,
    rating: 0,
    inStock: true,
    attributes: { Material: 'Cotton' },
    options: [
      { name: 'Size', values: ['S', 'M', 'L'] },
      { name: 'Colour', values: ['Red', 'Blue'] },
    ],
    publishedAt: '2026-02-15',
  },
  {
    slug: 'draft-reading-chair',
    name: 'Reading Chair',
    brand: 'Hearth',
    category: 'furniture',
    priceMinor: 29_900,
    rating: 0,
    inStock: true,
    status: 'draft',
    publishedAt: '2026-05-02',
  },
  {
    slug: 'archived-pendant-lamp',
    name: 'Pendant Lamp',
    brand: 'Lumen',
    category: 'lighting',
    priceMinor: 8_900,
    rating: 4,
    inStock: true,
    status: 'archived',
    publishedAt: '2025-12-01',
  },
];

export function productDocument(product: FixtureProduct) {
  const skuBase = product.slug.toUpperCase().slice(0, 20);
  const variants = product.options?.length
    ? product.options[0]!.values.map((value) => ({
        sku: `${skuBase}-${value}`,
        optionValues: [value],
        priceMinor: product.priceMinor,
      }))
    : [{ sku: skuBase, optionValues: [], priceMinor: product.priceMinor }];
  return {
    slug: product.slug,
    name: product.name,
    brand: product.brand,
    status: product.status ?? 'active',
    categorySlugs: [product.category],
    currency: 'EUR',
    options: product.options ?? [],
    variants,
    images: [{ url: `/images/${product.slug}.svg`, alt: product.name }],
    attributes: Object.entries(product.attributes ?? {}).map(([name, value]) => ({ name, value })),
    priceMinMinor: product.priceMinor,
    priceMaxMinor: product.priceMinor,
    inStock: product.inStock,
    rating: { average: product.rating, count: product.rating > 0 ? 10 : 0 },
    publishedAt: new Date(product.publishedAt),
  };
}

export async function catalogModels() {
  return productModels(await connectDomainDatabase('product'));
}

export async function insertFixtureCatalog(): Promise<void> {
  const { Category, Product } = await catalogModels();
  await Category.insertMany(fixtureCategories);
  await Product.insertMany(fixtureProducts.map(productDocument));
}

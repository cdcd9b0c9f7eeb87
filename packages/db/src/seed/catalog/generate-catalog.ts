import { defaultLowStockThreshold } from '../../product/inventory-item-model';
import { type CollectionSlug, type ProductStatus } from '../../product/product-model';
import { type SeededRandom, seededRandom } from '../seeded-random';
import {
  type GeneratedCatalog,
  type GeneratedCategory,
  type GeneratedInventoryItem,
  type GeneratedProduct,
  type GeneratedVariant,
} from './catalog-types';
import {
  catalogTree,
  closingSentences,
  type LeafRecipe,
  seriesNames,
  type VariantKind,
} from './catalog-recipes';
import { generatedId } from './generated-id';
import { slugify } from './slugify';

/**
 * Bump when the generator's output (or what the seed writes of it) changes, so existing databases
 * are re-seeded. 2: product ratings come from the demo reviews (seed/demo-reviews.ts).
 */
export const catalogGeneratorVersion = 2;
export const defaultCatalogSeed = 20_250_101;
export const defaultProductCount = 2000;
export const lowStockThreshold = defaultLowStockThreshold;

/** "Now" for the generated catalog: publication dates count back from here, never from the clock. */
const catalogEpoch = Date.UTC(2026, 9, 1);
const day = 86_400_000;

export interface CatalogOptions {
  productCount?: number;
  seed?: number;
}

/**
 * A deterministic catalog: the same options give the same categories, products and stock, with no
 * database involved. Products are prefix-stable: the first 50 of a 2,000-product catalog are the
 * 50 products of a 50-product one, so small tests see the same products as the demo.
 */
export function generateCatalog(options: CatalogOptions = {}): GeneratedCatalog {
  const productCount = options.productCount ?? defaultProductCount;
  if (!Number.isInteger(productCount) || productCount < 0) {
    throw new Error(`productCount must be a whole number >= 0, got ${productCount}`);
  }
  const random = seededRandom(options.seed ?? defaultCatalogSeed);
  const categories = generateCategories();
  const leaves = catalogTree.flatMap((root) => root.children);
  // Each leaf appears `weight` times, so products spread over leaves in fixed proportions.
  const cycle = leaves.flatMap((leaf) => Array.from({ length: leaf.weight ?? 3 }, () => leaf));

  const products: GeneratedProduct[] = [];
  const inventory: GeneratedInventoryItem[] = [];
  const slugs = new Set<string>();
  for (let position = 0; position < productCount; position += 1) {
    const leaf = cycle[position % cycle.length];
    if (!leaf) throw new Error('the catalog tree has no leaves');
    const product = generateProduct(random, leaf, position, slugs);
    products.push(product.product);
    inventory.push(...product.inventory);
  }
  return { categories, products, inventory };
}

function generateCategories(): GeneratedCategory[] {
  const categories: GeneratedCategory[] = [];
  catalogTree.forEach((root, rootIndex) => {
    categories.push({
      _id: generatedId('category', categories.length),
      slug: root.slug,
      name: root.name,
      description: root.description,
      parentSlug: null,
      ancestorSlugs: [],
      position: rootIndex + 1,
    });
    root.children.forEach((leaf, leafIndex) => {
      categories.push({
        _id: generatedId('category', categories.length),
        slug: leaf.slug,
        name: leaf.name,
        description: leaf.description,
        parentSlug: root.slug,
        ancestorSlugs: [root.slug],
        position: leafIndex + 1,
      });
    });
  });
  return categories;
}

function generateProduct(
  random: SeededRandom,
  leaf: LeafRecipe,
  position: number,
  slugs: Set<string>,
): { product: GeneratedProduct; inventory: GeneratedInventoryItem[] } {
  const quality = random.pick(leaf.qualities);
  const item = random.pick(leaf.items);
  const name = `${random.pick(seriesNames)} ${quality} ${item}`;
  const slug = uniqueSlug(slugify(name), slugs);
  const brand = random.pick(leaf.brands);
  const kind: VariantKind = leaf.palette.length === 0 ? 'single' : random.pick(leaf.variantKinds);
  const colours = kind === 'single' ? [] : pickDistinct(random, leaf.palette, random.integer(2, 4));
  const sizes = kind === 'size-colour' ? pickSizeRange(random, leaf.sizes ?? []) : [];
  const capacities = kind === 'colour-capacity' ? (leaf.capacity?.values ?? []) : [];

  const euros = random.integer(leaf.priceEuros[0], leaf.priceEuros[1]);
  // Shop-style prices ending in .99 or .00, in cents.
  const priceMinor = random.next() < 0.7 ? euros * 100 + 99 : euros * 100;
  // About one in seven is on sale: the compare-at ("was") price is 20-50 % higher.
  const saleFactor = random.next() < 0.15 ? 1.2 + random.next() * 0.3 : null;
  const priced = (
    extraEuros: number,
  ): Pick<GeneratedVariant, 'priceMinor' | 'compareAtPriceMinor'> => {
    const variantPrice = priceMinor + extraEuros * 100;
    if (saleFactor === null) return { priceMinor: variantPrice };
    return {
      priceMinor: variantPrice,
      compareAtPriceMinor: Math.ceil((variantPrice * saleFactor) / 100) * 100,
    };
  };

  const skuBase = `${leaf.slug.replace(/-/g, '').slice(0, 3).toUpperCase()}-${String(position + 1).padStart(6, '0')}`;
  const variants: GeneratedVariant[] = [];
  const options: GeneratedProduct['options'] = [];
  if (kind === 'single') {
    variants.push({ sku: skuBase, optionValues: [], imageIndex: 0, ...priced(0) });
  } else if (kind === 'colour') {
    options.push({ name: 'Colour', values: colours });
    colours.forEach((colour, colourIndex) =>
      variants.push({
        sku: `${skuBase}-${skuPart(colour)}`,
        optionValues: [colour],
        imageIndex: colourIndex,
        ...priced(0),
      }),
    );
  } else if (kind === 'size-colour') {
    options.push({ name: 'Size', values: sizes }, { name: 'Colour', values: colours });
    colours.forEach((colour, colourIndex) => {
      for (const size of sizes) {
        variants.push({
          sku: `${skuBase}-${skuPart(size)}-${skuPart(colour)}`,
          optionValues: [size, colour],
          imageIndex: colourIndex,
          ...priced(0),
        });
      }
    });
  } else {
    const capacityName = leaf.capacity?.name ?? 'Size';
    options.push(
      { name: 'Colour', values: colours },
      { name: capacityName, values: capacities.map((capacity) => capacity.label) },
    );
    colours.forEach((colour, colourIndex) => {
      for (const capacity of capacities) {
        variants.push({
          sku: `${skuBase}-${skuPart(colour)}-${skuPart(capacity.label)}`,
          optionValues: [colour, capacity.label],
          imageIndex: colourIndex,
          ...priced(capacity.extraEuros),
        });
      }
    });
  }

  const images =
    colours.length > 0
      ? colours.map((colour) => ({
          url: `/images/products/${slug}/${slugify(colour)}.svg`,
          alt: `${name} in ${colour}`,
        }))
      : [{ url: `/images/products/${slug}/default.svg`, alt: name }];

  const attributes = [
    { name: leaf.qualityAttribute, value: quality },
    ...colours.map((colour) => ({ name: 'Colour', value: colour })),
    ...sizes.map((size) => ({ name: 'Size', value: size })),
    ...(leaf.extraAttributes ?? []).map((attribute) => ({
      name: attribute.name,
      value: random.pick(attribute.values),
    })),
  ];

  const statusRoll = random.next();
  const status: ProductStatus =
    statusRoll < 0.04 ? 'draft' : statusRoll < 0.07 ? 'archived' : 'active';
  const ageDays = random.integer(0, 540);
  const publishedAt =
    status === 'draft'
      ? undefined
      : new Date(catalogEpoch - ageDays * day - random.integer(0, 1439) * 60_000);
  // Few products have many reviews, most have some, a quarter have none yet.
  const reviewed = random.next() < 0.75;
  const rating = reviewed
    ? {
        average: Math.round((3.2 + random.next() * 1.8) * 10) / 10,
        count: 1 + Math.floor(random.next() ** 3 * 600),
      }
    : { average: 0, count: 0 };

  const stock: GeneratedInventoryItem[] = variants.map((variant) => {
    const roll = random.next();
    // About 7 % sold out and 10 % low, so storefronts show every stock state.
    const onHand = roll < 0.07 ? 0 : roll < 0.17 ? random.integer(1, 5) : random.integer(6, 150);
    return {
      sku: variant.sku,
      productId: generatedId('product', position),
      onHand,
      reserved: 0,
      available: onHand,
      lowStockThreshold,
    };
  });
  const inStock = stock.some((entry) => entry.available > 0);

  const collections: CollectionSlug[] = [];
  if (status === 'active') {
    if (inStock && random.next() < 0.05) collections.push('featured');
    if (ageDays <= 30) collections.push('new-arrivals');
    if (rating.count >= 400) collections.push('best-sellers');
  }

  const blurb = capitalise(leaf.blurb(quality.toLowerCase(), item.toLowerCase()));
  const description = [blurb, optionSentence(colours, sizes), random.pick(closingSentences)]
    .filter(Boolean)
    .join(' ');
  const prices = variants.map((variant) => variant.priceMinor);

  return {
    product: {
      _id: generatedId('product', position),
      slug,
      name,
      description,
      brand,
      status,
      categorySlugs: [leaf.slug],
      collections,
      currency: 'EUR',
      options,
      variants,
      images,
      attributes,
      seo: { title: `${name} | ${brand}`, description: truncate(blurb, 155) },
      priceMinMinor: Math.min(...prices),
      priceMaxMinor: Math.max(...prices),
      inStock,
      rating,
      ...(publishedAt ? { publishedAt } : {}),
    },
    inventory: stock,
  };
}

function uniqueSlug(base: string, taken: Set<string>): string {
  let slug = base;
  for (let suffix = 2; taken.has(slug); suffix += 1) slug = `${base}-${suffix}`;
  taken.add(slug);
  return slug;
}

function pickDistinct(random: SeededRandom, items: readonly string[], count: number): string[] {
  const pool = [...items];
  const picked: string[] = [];
  while (picked.length < count && pool.length > 0) {
    picked.push(...pool.splice(random.integer(0, pool.length - 1), 1));
  }
  return picked;
}

/** Three to all sizes, contiguous ("S, M, L"), as real ranges are. */
function pickSizeRange(random: SeededRandom, sizes: readonly string[]): string[] {
  if (sizes.length <= 3) return [...sizes];
  const length = random.integer(3, sizes.length);
  const start = random.integer(0, sizes.length - length);
  return sizes.slice(start, start + length);
}

function optionSentence(colours: readonly string[], sizes: readonly string[]): string {
  const parts: string[] = [];
  if (colours.length > 0) parts.push(`Available in ${listing(colours)}`);
  if (sizes.length > 0) {
    parts.push(`${parts.length > 0 ? 'sizes' : 'Sizes'} ${sizes[0]} to ${sizes.at(-1)}`);
  }
  return parts.length > 0 ? `${parts.join(', ')}.` : '';
}

function listing(words: readonly string[]): string {
  return words.length <= 1
    ? words.join('')
    : `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}

/** "Sky Blue" -> "SKYBLUE", "256 GB" -> "256GB": SKU segments are letters and digits only. */
function skuPart(value: string): string {
  return slugify(value).replace(/-/g, '').toUpperCase();
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

import type { CatalogProduct, ProductSummary } from '../product/public';
import type { CategoryTree } from './category-tree';
import { bucketKeyOf } from './price-buckets';

/** Attributes offered as facets (`attr.<Name>`); from product attributes and variant options. */
export const mainAttributeNames = ['Colour', 'Material', 'Size'] as const;
export type MainAttributeName = (typeof mainAttributeNames)[number];

const attributeAliases: Readonly<Record<string, MainAttributeName>> = {
  colour: 'Colour',
  color: 'Colour',
  material: 'Material',
  size: 'Size',
};

/** One active product as the index keeps it: the card it answers with, plus facet values. */
export interface IndexedProduct {
  id: string;
  /** Position in the index that holds it (set by the index; -1 until then). */
  slot: number;
  /** The catalogue version this entry was built from: freshness compares it. */
  version: number;
  summary: ProductSummary;
  /** Own categories plus their ancestors. */
  categories: string[];
  priceMinor: number;
  /** The price facet bucket `priceMinor` falls in. */
  priceBucket: string;
  ratingAverage: number;
  ratingCount: number;
  inStock: boolean;
  publishedAt: number;
  attributes: Partial<Record<MainAttributeName, string[]>>;
}

/** What the full-text index sees of a product (not kept after indexing). */
export interface SearchableText {
  id: string;
  name: string;
  brand: string;
  categories: string;
  attributes: string;
  description: string;
}

function mainAttributesOf(product: CatalogProduct): IndexedProduct['attributes'] {
  const values = new Map<MainAttributeName, Set<string>>();
  const add = (rawName: string, value: string) => {
    const name = attributeAliases[rawName.trim().toLocaleLowerCase('en')];
    if (!name || value.trim() === '') return;
    let set = values.get(name);
    if (!set) values.set(name, (set = new Set()));
    set.add(value.trim());
  };
  for (const attribute of product.attributes) add(attribute.name, attribute.value);
  for (const option of product.options) for (const value of option.values) add(option.name, value);
  return Object.fromEntries([...values].map(([name, set]) => [name, [...set]]));
}

/** A listed product of the catalogue as the index keeps it. */
export function toIndexedProduct(product: CatalogProduct, tree: CategoryTree): IndexedProduct {
  const { summary } = product;
  return {
    id: product.id,
    slot: -1,
    version: product.version,
    summary,
    categories: tree.expand(summary.categorySlugs),
    priceMinor: summary.priceMinor,
    priceBucket: bucketKeyOf(summary.priceMinor),
    ratingAverage: summary.rating.average,
    ratingCount: summary.rating.count,
    inStock: summary.inStock,
    publishedAt: product.publishedAt,
    attributes: mainAttributesOf(product),
  };
}

/** `description` is passed in, not kept: it is only read while indexing. */
export function searchableTextOf(
  product: IndexedProduct,
  description: string,
  tree: CategoryTree,
): SearchableText {
  return {
    id: product.id,
    name: product.summary.name,
    brand: product.summary.brand,
    categories: product.categories.map((slug) => tree.nameOf(slug)).join(' '),
    attributes: Object.values(product.attributes).flat().join(' '),
    description,
  };
}

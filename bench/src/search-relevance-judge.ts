/**
 * What a shopper expects from a query of the relevance set, and how well a product meets it.
 * Shared by the query-set generator and the benchmark, so a product's grade is decided by the
 * same rule against the 20,000- and the 100,000-product catalogue.
 */
import type { GeneratedProduct } from '@shop/db/seed';
import { catalogTree } from '../../packages/db/src/seed/catalog/catalog-recipes';

export const queryClasses = [
  'typo-transposition',
  'typo-deletion',
  'typo-insertion',
  'typo-substitution',
  'plural',
  'brand-type',
  'colour-type',
  'material-type',
  'partial-name',
  'missing-word',
  'multi-word',
] as const;
export type QueryClass = (typeof queryClasses)[number];

/** What the shopper wants; every field given must hold for a best (grade 3) product. */
export interface Expectation {
  /** A product name: that product is grade 3, same material and type 2, same type 1. */
  name?: string;
  /** The product type ("Desk Lamp", "T-Shirt"). */
  item?: string;
  /** A word the type must contain ("shirt": Shirt, Oxford Shirt and T-Shirt all fit). */
  itemWord?: string;
  /** The material or series word ("Oak", "Organic Cotton"). */
  quality?: string;
  qualityWord?: string;
  colour?: string;
  brand?: string;
}

export interface RelevanceQuery {
  class: QueryClass;
  q: string;
  expect: Expectation;
}

/** What the judge needs of a product: its type, material, colours and brand. */
export interface JudgedProduct {
  name: string;
  item: string;
  quality: string;
  colours: string[];
  brand: string;
}

const itemsByLeaf = new Map(
  catalogTree.flatMap((root) =>
    root.children.map((leaf) => [leaf.slug, [...leaf.items].sort((a, b) => b.length - a.length)]),
  ),
);

/** "Arlo Oak Desk Lamp" in lighting -> item "Desk Lamp", quality "Oak" (series is one word). */
export function judgedProduct(product: GeneratedProduct): JudgedProduct {
  const items = itemsByLeaf.get(product.categorySlugs[0] ?? '') ?? [];
  const item = items.find((candidate) => product.name.endsWith(` ${candidate}`)) ?? '';
  const withoutItem = product.name.slice(0, product.name.length - item.length).trim();
  const quality = withoutItem.slice(withoutItem.indexOf(' ') + 1);
  const colours = product.attributes
    .filter((attribute) => attribute.name === 'Colour')
    .map((attribute) => attribute.value);
  return { name: product.name, item, quality, colours, brand: product.brand };
}

const hasWord = (text: string, word: string) =>
  text
    .toLowerCase()
    .split(/[\s-]+/)
    .includes(word.toLowerCase());

/** 3: what was asked for; 2: name queries' same material and type; 1: the right type; 0. */
export function grade(expect: Expectation, product: JudgedProduct): number {
  if (expect.name !== undefined) {
    if (product.name === expect.name) return 3;
    if (product.item === expect.item && product.quality === expect.quality) return 2;
    return product.item === expect.item ? 1 : 0;
  }
  const typeFits =
    (expect.item === undefined || product.item === expect.item) &&
    (expect.itemWord === undefined || hasWord(product.item, expect.itemWord));
  const restFits =
    (expect.quality === undefined || product.quality === expect.quality) &&
    (expect.qualityWord === undefined || hasWord(product.quality, expect.qualityWord)) &&
    (expect.colour === undefined || product.colours.includes(expect.colour)) &&
    (expect.brand === undefined || product.brand === expect.brand);
  if (typeFits && restFits) return 3;
  const typeAsked = expect.item !== undefined || expect.itemWord !== undefined;
  return typeAsked && typeFits ? 1 : 0;
}

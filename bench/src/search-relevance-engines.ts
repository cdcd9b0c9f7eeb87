/**
 * The three engines the relevance benchmark compares, each given the same products (the same
 * five text fields the search cell indexes: name, brand, category names, attribute values,
 * description) and asked for the first 10 results of each query.
 *
 * - ours: the search cell's `CatalogIndex`, exactly as the cell answers `search.query`.
 * - MiniSearch 7 and Orama 3, configured as their documentation suggests for typo-tolerant
 *   product search: fuzzy and prefix matching on, the fields boosted in our order (name 3, brand
 *   2, category 1.5, attributes 1, description 0.5), their own tokenizers and scoring (BM25), OR
 *   of the words (their default), Orama with its English stemmer on.
 */
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import MiniSearch from 'minisearch';
import { CatalogIndex } from '../../packages/api/src/cells/search/catalog-index';
import type { CatalogProduct } from '../../packages/api/src/cells/product/views';
import type { CategoryTree } from '../../packages/api/src/cells/search/category-tree';
import {
  searchableTextOf,
  toIndexedProduct,
  type SearchableText,
} from '../../packages/api/src/cells/search/indexed-product';
import { queryInput } from '../../packages/api/src/cells/search/inputs';

export interface Engine {
  name: string;
  /** Ids of the first 10 results. */
  search(q: string): Promise<string[]> | string[];
}

const boost = { name: 3, brand: 2, categories: 1.5, description: 0.5 };
const fields = ['name', 'brand', 'categories', 'attributes', 'description'];

function textsOf(products: readonly CatalogProduct[], tree: CategoryTree): SearchableText[] {
  return products.map((product) =>
    searchableTextOf(toIndexedProduct(product, tree), product.description, tree),
  );
}

export function ourEngine(products: readonly CatalogProduct[], tree: CategoryTree): Engine {
  const index = new CatalogIndex(tree);
  for (const product of products) index.upsert(product);
  return {
    name: 'ours',
    search: (q) => {
      index.forgetCachedMatches();
      return index.search(queryInput.parse({ q, pageSize: 10 })).results.map((card) => card.id);
    },
  };
}

export function miniSearchEngine(products: readonly CatalogProduct[], tree: CategoryTree): Engine {
  const index = new MiniSearch({
    fields,
    searchOptions: { boost, fuzzy: 0.2, prefix: true },
  });
  index.addAll(textsOf(products, tree));
  return {
    name: 'MiniSearch',
    search: (q) =>
      index
        .search(q)
        .slice(0, 10)
        .map((hit) => String(hit.id)),
  };
}

export async function oramaEngine(
  products: readonly CatalogProduct[],
  tree: CategoryTree,
): Promise<Engine> {
  const db = create({
    schema: {
      name: 'string',
      brand: 'string',
      categories: 'string',
      attributes: 'string',
      description: 'string',
    },
    components: { tokenizer: { language: 'english', stemming: true } },
  });
  await insertMultiple(db, textsOf(products, tree), 1000);
  return {
    name: 'Orama',
    search: async (q) => {
      const found = await oramaSearch(db, { term: q, tolerance: 1, boost, limit: 10 });
      return found.hits.map((hit) => hit.id);
    },
  };
}

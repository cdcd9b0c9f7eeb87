import { TRPCError } from '@trpc/server';
import type { HandlerArgs } from '../../../trpc/context';
import { pageWindow } from '../../../trpc/pagination';
import { breadcrumbsOf, buildCategoryTree, flattenTree, toCategory } from '../category-tree';
import { categoryWithDescendants, findCategory, loadCategories } from '../catalog-queries';
import { productDatabase } from '../database';
import type {
  BySlugInput,
  CategoryBySlugInput,
  CollectionInput,
  ListInput,
  ProductSort,
  SitemapEntriesInput,
} from '../inputs';
import { cachedListing } from '../listing-cache';
import {
  summaryProjection,
  toProductDetail,
  toProductSummary,
  type Category,
  type CategoryNode,
  type ProductDetail,
  type ProductPage,
  type ProductSummary,
} from '../views';

// What shoppers can read: active products and the category tree.

// Every ordering ends with _id so pages never repeat or skip products that tie.
const sortOrders: Record<ProductSort, Record<string, 1 | -1>> = {
  newest: { publishedAt: -1, _id: 1 },
  price_asc: { priceMinMinor: 1, _id: 1 },
  price_desc: { priceMinMinor: -1, _id: 1 },
  rating: { 'rating.average': -1, 'rating.count': -1, _id: 1 },
  name: { name: 1, _id: 1 },
};

const sitemapPageSize = 1000;

/** Active products, optionally in a category or below it. Past the end: empty items. */
export function list({ input }: HandlerArgs<ListInput>): Promise<ProductPage> {
  return cachedListing(`list:${JSON.stringify(input)}`, () => listProducts(input));
}

/** One active product with variants, stock states and breadcrumbs; 404 for anything else. */
export async function bySlug({ input }: HandlerArgs<BySlugInput>): Promise<ProductDetail> {
  const { Product, InventoryItem } = await productDatabase.models();
  const product = await Product.findOne({ slug: input.slug, status: 'active' }).lean();
  if (!product) {
    throw new TRPCError({ code: 'NOT_FOUND', message: `No product "${input.slug}"` });
  }
  const [stock, categories] = await Promise.all([
    InventoryItem.find({ productId: product._id })
      .select({ sku: 1, available: 1, lowStockThreshold: 1 })
      .lean(),
    loadCategories(),
  ]);
  const primary = categories.find((category) => category.slug === product.categorySlugs[0]);
  return toProductDetail(
    product,
    new Map(stock.map((item) => [item.sku, item])),
    primary ? breadcrumbsOf(primary, categories) : [],
  );
}

/** Every category, flat, in tree order (each parent followed by its children). */
export async function categories(_: HandlerArgs): Promise<{ items: Category[] }> {
  return { items: flattenTree(buildCategoryTree(await loadCategories())) };
}

export async function categoryTree(_: HandlerArgs): Promise<{ items: CategoryNode[] }> {
  return { items: buildCategoryTree(await loadCategories()) };
}

export async function categoryBySlug({ input }: HandlerArgs<CategoryBySlugInput>) {
  const categories = await loadCategories();
  const category = findCategory(categories, input.slug);
  const children = buildCategoryTree(categories)
    .flatMap(function find(node): CategoryNode[] {
      return node.slug === input.slug ? [node] : node.children.flatMap(find);
    })
    .flatMap((node) => node.children)
    .map(({ children: _children, ...child }) => child);
  return {
    category: toCategory(category),
    breadcrumbs: breadcrumbsOf(category, categories),
    children: children satisfies Category[],
  };
}

/** A home-page collection: active products in it, newest first. */
export function collection({
  input,
}: HandlerArgs<CollectionInput>): Promise<{ items: ProductSummary[] }> {
  return cachedListing(`collection:${input.slug}:${input.limit}`, async () => {
    const { Product } = await productDatabase.models();
    const documents = await Product.find({ status: 'active', collections: input.slug })
      .select(summaryProjection)
      .sort(sortOrders.newest)
      .limit(input.limit)
      .lean();
    return { items: documents.map(toProductSummary) };
  });
}

/** Active products for sitemap.xml, a thousand per page in a stable order. */
export async function sitemapEntries({ input }: HandlerArgs<SitemapEntriesInput>) {
  const { Product } = await productDatabase.models();
  const { skip, limit } = pageWindow(input.page, sitemapPageSize);
  const documents = await Product.find({ status: 'active' })
    .select({ slug: 1, updatedAt: 1 })
    .sort({ _id: 1 })
    .skip(skip)
    .limit(limit + 1)
    .lean();
  return {
    items: documents.slice(0, limit).map((document) => ({
      slug: document.slug,
      updatedAt: (document.updatedAt ?? new Date(0)).toISOString(),
    })),
    hasMore: documents.length > limit,
  };
}

async function listProducts(input: ListInput): Promise<ProductPage> {
  const { Product } = await productDatabase.models();
  let categoryFilter = {};
  if (input.categorySlug) {
    const categories = await loadCategories();
    findCategory(categories, input.categorySlug);
    categoryFilter = {
      categorySlugs: { $in: categoryWithDescendants(categories, input.categorySlug) },
    };
  }
  const filter = { status: 'active' as const, ...categoryFilter };
  const { skip, limit } = pageWindow(input.page, input.pageSize);
  const [documents, totalCount] = await Promise.all([
    Product.find(filter)
      .select(summaryProjection)
      .sort(sortOrders[input.sort])
      .skip(skip)
      .limit(limit)
      .lean(),
    Product.countDocuments(filter),
  ]);
  return {
    items: documents.map(toProductSummary),
    totalCount,
    page: input.page,
    hasMore: skip + documents.length < totalCount,
  };
}

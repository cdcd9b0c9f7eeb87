import { TRPCError } from '@trpc/server';
import { productDatabase } from './database';
import { cachedListing } from './listing-cache';

/** Every category, lean. There are tens, not thousands: one read serves tree, order and lookups. */
async function readCategories() {
  const { Category } = await productDatabase.models();
  return Category.find({})
    .select({ slug: 1, name: 1, description: 1, parentSlug: 1, ancestorSlugs: 1, position: 1 })
    .lean();
}
export type LoadedCategory = Awaited<ReturnType<typeof readCategories>>[number];

export function loadCategories(): Promise<LoadedCategory[]> {
  return cachedListing('categories', readCategories);
}

export function findCategory(categories: readonly LoadedCategory[], slug: string): LoadedCategory {
  const category = categories.find((entry) => entry.slug === slug);
  if (!category) throw new TRPCError({ code: 'NOT_FOUND', message: `No category "${slug}"` });
  return category;
}

/** The category and everything under it: a listing of "Home" includes "Home > Lighting". */
export function categoryWithDescendants(
  categories: readonly LoadedCategory[],
  slug: string,
): string[] {
  return [
    slug,
    ...categories
      .filter((category) => category.ancestorSlugs.includes(slug))
      .map((category) => category.slug),
  ];
}

import { isDuplicateKeyError } from '@shop/db/claims';
import type { ProductModels } from '@shop/db/product';
import { TRPCError } from '@trpc/server';
import { loadCategories, type LoadedCategory } from './catalog-queries';

type Models = Pick<ProductModels, 'Category' | 'Product'>;

const conflict = (message: string) => new TRPCError({ code: 'CONFLICT', message });
const badRequest = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });

function parentOf(categories: readonly LoadedCategory[], parentSlug: string | null | undefined) {
  if (!parentSlug) return null;
  const parent = categories.find((category) => category.slug === parentSlug);
  if (!parent) throw badRequest(`Unknown parent category: ${parentSlug}`);
  return parent;
}

export async function createCategory(
  { Category }: Models,
  input: {
    slug: string;
    name: string;
    description: string;
    parentSlug?: string | null;
    position?: number;
  },
) {
  const categories = await loadCategories();
  if (categories.some((category) => category.slug === input.slug)) {
    throw conflict(`slug taken: ${input.slug}`);
  }
  const parent = parentOf(categories, input.parentSlug);
  try {
    const created = await Category.create({
      ...input,
      parentSlug: parent?.slug ?? null,
      ancestorSlugs: parent ? [...parent.ancestorSlugs, parent.slug] : [],
    });
    return created.toObject();
  } catch (error) {
    if (isDuplicateKeyError(error)) throw conflict(`slug taken: ${input.slug}`);
    throw error;
  }
}

/**
 * Renames, re-describes, reorders or moves a category. A move rewrites `ancestorSlugs` of the
 * category and of everything below it, so listings and breadcrumbs follow at once.
 */
export async function updateCategory(
  { Category }: Models,
  input: {
    slug: string;
    name?: string;
    description?: string;
    position?: number;
    parentSlug?: string | null;
  },
) {
  const categories = await loadCategories();
  const category = categories.find((entry) => entry.slug === input.slug);
  if (!category) throw new TRPCError({ code: 'NOT_FOUND', message: `No category ${input.slug}` });
  const { slug, parentSlug, ...fields } = input;
  const moving = parentSlug !== undefined && (parentSlug ?? null) !== (category.parentSlug ?? null);
  let ancestorSlugs = category.ancestorSlugs;
  if (moving) {
    const parent = parentOf(categories, parentSlug);
    if (parent && (parent.slug === slug || parent.ancestorSlugs.includes(slug))) {
      throw badRequest('A category cannot move under itself or its own subcategory');
    }
    ancestorSlugs = parent ? [...parent.ancestorSlugs, parent.slug] : [];
  }
  const updated = await Category.findOneAndUpdate(
    { slug },
    { $set: { ...fields, ...(moving ? { parentSlug: parentSlug ?? null, ancestorSlugs } : {}) } },
    { returnDocument: 'after', runValidators: true },
  ).lean();
  if (moving) {
    for (const descendant of categories.filter((entry) => entry.ancestorSlugs.includes(slug))) {
      const below = descendant.ancestorSlugs.slice(descendant.ancestorSlugs.indexOf(slug));
      await Category.updateOne(
        { slug: descendant.slug },
        { $set: { ancestorSlugs: [...ancestorSlugs, ...below] } },
      );
    }
  }
  return updated;
}

/** Only an empty category can go: no subcategories and no products (in any status). */
export async function deleteCategory({ Category, Product }: Models, slug: string) {
  const categories = await loadCategories();
  if (!categories.some((category) => category.slug === slug)) {
    throw new TRPCError({ code: 'NOT_FOUND', message: `No category ${slug}` });
  }
  if (categories.some((category) => category.parentSlug === slug)) {
    throw conflict(`Category ${slug} has subcategories; move or delete them first`);
  }
  const products = await Product.countDocuments({ categorySlugs: slug });
  if (products > 0) {
    throw conflict(`Category ${slug} still has ${products} product${products === 1 ? '' : 's'}`);
  }
  await Category.deleteOne({ slug });
  return { slug, deleted: true as const };
}

/**
 * Sets the order of one parent's subcategories: `slugs` must be exactly its children, listed
 * first to last; each gets its index as `position`.
 */
export async function reorderCategories(
  { Category }: Models,
  input: { parentSlug: string | null; slugs: string[] },
) {
  const categories = await loadCategories();
  const children = categories
    .filter((category) => (category.parentSlug ?? null) === input.parentSlug)
    .map((category) => category.slug);
  const listed = new Set(input.slugs);
  if (
    listed.size !== input.slugs.length ||
    children.length !== listed.size ||
    children.some((slug) => !listed.has(slug))
  ) {
    throw badRequest(
      `List each subcategory of ${input.parentSlug ?? 'the top level'} exactly once: ${children.join(', ')}`,
    );
  }
  await Category.bulkWrite(
    input.slugs.map((slug, position) => ({
      updateOne: { filter: { slug }, update: { $set: { position } } },
    })),
  );
  return { parentSlug: input.parentSlug, slugs: [...input.slugs] };
}

import { changedFields } from '../../../audit/changed-fields';
import { categoryUpdated } from '../../../events/schemas';
import type { StaffArgs } from '../../../trpc/context';
import * as categoryWrites from '../category-writes';
import { productDatabase } from '../database';
import { emitProductEvent } from '../emit-product-event';
import type {
  CreateCategoryInput,
  DeleteCategoryInput,
  ReorderCategoriesInput,
  UpdateCategoryInput,
} from '../inputs';
import { invalidateListings } from '../listing-cache';

// Back-office category edits, behind `catalog:write`: navigation and listings follow at once.

/** What staff edit on a category, as the audit log records it. */
const auditedFields = { _id: 0, slug: 1, name: 1, description: 1, parentSlug: 1, position: 1 };

/** The category as stored now (not the listing cache, which may be a few seconds old). */
async function storedCategory(slug: string) {
  const { Category } = await productDatabase.models();
  return Category.findOne({ slug }, auditedFields).lean();
}

export async function createCategory({ input, ctx }: StaffArgs<CreateCategoryInput>) {
  const created = await categoryWrites.createCategory(await productDatabase.models(), input);
  ctx.audit.record({
    object: { type: 'category', id: created.slug },
    before: null,
    after: await storedCategory(created.slug),
  });
  invalidateListings();
  await emitProductEvent(ctx.logger, categoryUpdated, { slug: created.slug });
  return { slug: created.slug, ancestorSlugs: [...created.ancestorSlugs] };
}

export async function updateCategory({ input, ctx }: StaffArgs<UpdateCategoryInput>) {
  const before = await storedCategory(input.slug);
  const updated = await categoryWrites.updateCategory(await productDatabase.models(), input);
  ctx.audit.record({
    object: { type: 'category', id: input.slug },
    ...changedFields(before, await storedCategory(input.slug), ['slug', 'name']),
  });
  invalidateListings();
  await emitProductEvent(ctx.logger, categoryUpdated, { slug: input.slug });
  return { slug: input.slug, ancestorSlugs: [...(updated?.ancestorSlugs ?? [])] };
}

/** Only an empty category can go: no subcategories and no products. */
export async function deleteCategory({ input, ctx }: StaffArgs<DeleteCategoryInput>) {
  const before = await storedCategory(input.slug);
  const deleted = await categoryWrites.deleteCategory(await productDatabase.models(), input.slug);
  ctx.audit.record({ object: { type: 'category', id: input.slug }, before, after: null });
  invalidateListings();
  await emitProductEvent(ctx.logger, categoryUpdated, { slug: input.slug });
  return deleted;
}

/** Sets the order of one parent's subcategories (navigation shows them in this order). */
export async function reorderCategories({ input, ctx }: StaffArgs<ReorderCategoriesInput>) {
  const { Category } = await productDatabase.models();
  const siblings = await Category.find({ parentSlug: input.parentSlug }, { slug: 1, position: 1 })
    .sort({ position: 1, slug: 1 })
    .lean();
  const reordered = await categoryWrites.reorderCategories(await productDatabase.models(), input);
  ctx.audit.record({
    object: { type: 'category', ids: input.slugs },
    before: { parentSlug: input.parentSlug, order: siblings.map((category) => category.slug) },
    after: { parentSlug: input.parentSlug, order: [...input.slugs] },
  });
  invalidateListings();
  for (const slug of input.slugs) {
    await emitProductEvent(ctx.logger, categoryUpdated, { slug });
  }
  return reordered;
}

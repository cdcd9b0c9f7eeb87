import { categoryUpdated } from '../../../events/schemas';
import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
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

type StaffArgs<Input> = HandlerArgs<Input, SignedInContext>;

export async function createCategory({ input, ctx }: StaffArgs<CreateCategoryInput>) {
  const created = await categoryWrites.createCategory(await productDatabase.models(), input);
  invalidateListings();
  await emitProductEvent(ctx.logger, categoryUpdated, { slug: created.slug });
  return { slug: created.slug, ancestorSlugs: [...created.ancestorSlugs] };
}

export async function updateCategory({ input, ctx }: StaffArgs<UpdateCategoryInput>) {
  const updated = await categoryWrites.updateCategory(await productDatabase.models(), input);
  invalidateListings();
  await emitProductEvent(ctx.logger, categoryUpdated, { slug: input.slug });
  return { slug: input.slug, ancestorSlugs: [...(updated?.ancestorSlugs ?? [])] };
}

/** Only an empty category can go: no subcategories and no products. */
export async function deleteCategory({ input, ctx }: StaffArgs<DeleteCategoryInput>) {
  const deleted = await categoryWrites.deleteCategory(await productDatabase.models(), input.slug);
  invalidateListings();
  await emitProductEvent(ctx.logger, categoryUpdated, { slug: input.slug });
  return deleted;
}

/** Sets the order of one parent's subcategories (navigation shows them in this order). */
export async function reorderCategories({ input, ctx }: StaffArgs<ReorderCategoriesInput>) {
  const reordered = await categoryWrites.reorderCategories(await productDatabase.models(), input);
  invalidateListings();
  for (const slug of input.slugs) {
    await emitProductEvent(ctx.logger, categoryUpdated, { slug });
  }
  return reordered;
}

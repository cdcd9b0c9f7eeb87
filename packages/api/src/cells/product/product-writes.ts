import { isDuplicateKeyError } from '@shop/db/claims';
import { defaultLowStockThreshold, type ProductModels } from '@shop/db/product';
import { TRPCError } from '@trpc/server';
import { Types } from 'mongoose';
import { z } from 'zod';
import { loadCategories } from './catalog-queries';
import { checkVariants, type CreateInput, type ProductChanges, type VariantInput } from './inputs';

type Models = Pick<ProductModels, 'Product' | 'InventoryItem'>;

function badRequest(message: string): TRPCError {
  return new TRPCError({ code: 'BAD_REQUEST', message });
}
function conflict(message: string): TRPCError {
  return new TRPCError({ code: 'CONFLICT', message });
}

export async function assertCategoriesExist(slugs: readonly string[]): Promise<void> {
  const known = new Set((await loadCategories()).map((category) => category.slug));
  const unknown = slugs.filter((slug) => !known.has(slug));
  if (unknown.length > 0) throw badRequest(`Unknown category: ${unknown.join(', ')}`);
}

/** Pre-check (the only check on the in-memory fallback) before the unique index's own. */
async function assertSlugFree({ Product }: Models, slug: string, exceptId?: Types.ObjectId) {
  const taken = await Product.exists({ slug, ...(exceptId ? { _id: { $ne: exceptId } } : {}) });
  if (taken) throw conflict(`slug taken: ${slug}`);
}

async function assertSkusFree(
  { InventoryItem }: Models,
  skus: string[],
  exceptId?: Types.ObjectId,
) {
  const taken = await InventoryItem.find({
    sku: { $in: skus },
    ...(exceptId ? { productId: { $ne: exceptId } } : {}),
  })
    .select({ sku: 1 })
    .lean();
  if (taken.length > 0) throw conflict(`SKU taken: ${taken.map((item) => item.sku).join(', ')}`);
}

/** What listings filter and sort on, derived from the variants. */
function priceRange(variants: readonly VariantInput[]) {
  const prices = variants.map((variant) => variant.priceMinor);
  return { priceMinMinor: Math.min(...prices), priceMaxMinor: Math.max(...prices) };
}

/** Stored variant fields: stock lives in inventory items, not on the product. */
function storedVariants(variants: readonly VariantInput[]) {
  return variants.map((variant) => ({
    sku: variant.sku,
    optionValues: variant.optionValues,
    priceMinor: variant.priceMinor,
    ...(variant.compareAtPriceMinor != null
      ? { compareAtPriceMinor: variant.compareAtPriceMinor }
      : {}),
    imageIndex: variant.imageIndex,
  }));
}

function inventoryFor(productId: Types.ObjectId, variants: readonly VariantInput[]) {
  return variants.map((variant) => ({
    sku: variant.sku,
    productId,
    onHand: variant.onHand ?? 0,
    reserved: 0,
    available: variant.onHand ?? 0,
    lowStockThreshold: variant.lowStockThreshold ?? defaultLowStockThreshold,
  }));
}

export async function createProduct(models: Models, input: CreateInput) {
  await assertCategoriesExist(input.categorySlugs);
  await assertSlugFree(models, input.slug);
  await assertSkusFree(
    models,
    input.variants.map((variant) => variant.sku),
  );
  const _id = new Types.ObjectId();
  const inventory = inventoryFor(_id, input.variants);
  try {
    // Inventory first: a product is never visible without its stock rows.
    await models.InventoryItem.insertMany(inventory);
    const { variants, ...fields } = input;
    const created = await models.Product.create({
      _id,
      ...fields,
      variants: storedVariants(variants),
      ...priceRange(variants),
      inStock: inventory.some((item) => item.available > 0),
      ...(input.status === 'active' ? { publishedAt: new Date() } : {}),
    });
    return created.toObject();
  } catch (error) {
    await models.InventoryItem.deleteMany({ productId: _id });
    if (isDuplicateKeyError(error)) throw conflict('slug or SKU taken');
    throw error;
  }
}

const mergedVariantsCheck = z
  .object({ options: z.array(z.any()), variants: z.array(z.any()), images: z.array(z.any()) })
  .superRefine((product, context) => checkVariants(product, context));

/**
 * A partial update. New variants get inventory rows, removed ones lose theirs (refused while
 * units are reserved), kept ones keep their stock; price range and inStock are recomputed.
 */
export async function updateProduct(models: Models, id: string, changes: ProductChanges) {
  const { Product, InventoryItem } = models;
  const _id = new Types.ObjectId(id);
  const current = await Product.findById(_id).lean();
  if (!current) throw new TRPCError({ code: 'NOT_FOUND', message: `No product ${id}` });
  if (changes.categorySlugs) await assertCategoriesExist(changes.categorySlugs);
  if (changes.slug && changes.slug !== current.slug)
    await assertSlugFree(models, changes.slug, _id);

  const variants: VariantInput[] =
    changes.variants ??
    current.variants.map((variant) => ({
      sku: variant.sku,
      optionValues: variant.optionValues,
      priceMinor: variant.priceMinor,
      compareAtPriceMinor: variant.compareAtPriceMinor,
      imageIndex: variant.imageIndex,
    }));
  const merged = {
    options: changes.options ?? current.options,
    variants,
    images: changes.images ?? current.images,
  };
  const check = mergedVariantsCheck.safeParse(merged);
  if (!check.success) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Invalid input', cause: check.error });
  }

  let inStock = current.inStock;
  if (changes.variants) {
    const oldSkus = new Set(current.variants.map((variant) => variant.sku));
    const newSkus = new Set(variants.map((variant) => variant.sku));
    const added = variants.filter((variant) => !oldSkus.has(variant.sku));
    const removed = [...oldSkus].filter((sku) => !newSkus.has(sku));
    await assertSkusFree(
      models,
      added.map((variant) => variant.sku),
      _id,
    );
    const held = await InventoryItem.find({ sku: { $in: removed }, reserved: { $gt: 0 } })
      .select({ sku: 1 })
      .lean();
    if (held.length > 0) {
      throw conflict(
        `Cannot remove ${held.map((item) => item.sku).join(', ')}: units are reserved`,
      );
    }
    if (added.length > 0) await InventoryItem.insertMany(inventoryFor(_id, added));
    if (removed.length > 0) {
      await InventoryItem.deleteMany({ productId: _id, sku: { $in: removed }, reserved: 0 });
    }
    inStock = Boolean(await InventoryItem.exists({ productId: _id, available: { $gt: 0 } }));
  }

  const { variants: _variants, ...fields } = changes;
  const becomesActive = changes.status === 'active' && !current.publishedAt;
  const updated = await Product.findOneAndUpdate(
    { _id },
    {
      $set: {
        ...fields,
        ...(changes.variants
          ? { variants: storedVariants(variants), ...priceRange(variants) }
          : {}),
        inStock,
        ...(becomesActive ? { publishedAt: new Date() } : {}),
      },
    },
    { returnDocument: 'after', runValidators: true },
  )
    .lean()
    .catch((error: unknown) => {
      // The unique index caught a slug taken between the pre-check and this write.
      if (isDuplicateKeyError(error)) throw conflict(`slug taken: ${changes.slug ?? current.slug}`);
      throw error;
    });
  if (!updated) throw new TRPCError({ code: 'NOT_FOUND', message: `No product ${id}` });
  return { before: current, after: updated };
}

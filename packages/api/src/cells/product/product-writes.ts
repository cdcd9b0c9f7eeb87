import { isDuplicateKeyError } from '@shop/db/claims';
import { defaultLowStockThreshold, type ProductModels } from '@shop/db/product';
import { TRPCError } from '@trpc/server';
import { Types } from 'mongoose';
import { z } from 'zod';
import type { Logger } from 'pino';
import { loadCategories } from './catalog-queries';
import { checkVariants, type CreateInput, type ProductChanges, type VariantInput } from './inputs';
import { invalidFields, publishIssues } from './publish-rules';
import { descriptionTextOf, sanitizeDescriptionHtml } from './rich-text';
import { adjustStock, type MovementRecord } from './stock-adjustment';

type Models = Pick<ProductModels, 'Product' | 'InventoryItem' | 'StockMovement'>;

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
    ...(variant.barcode ? { barcode: variant.barcode } : {}),
    ...(variant.weightGrams != null ? { weightGrams: variant.weightGrams } : {}),
  }));
}

/**
 * The description fields to store: rich text is sanitised and its plain text derived (what the
 * storefront and search read); plain text alone (scripts, older callers) is stored as given.
 */
function descriptionFields(input: { description?: string; descriptionHtml?: string }) {
  if (input.descriptionHtml === undefined) {
    return input.description === undefined ? {} : { description: input.description };
  }
  const descriptionHtml = sanitizeDescriptionHtml(input.descriptionHtml);
  const description = descriptionTextOf(descriptionHtml);
  if (description.length > 5000) {
    throw invalidFields([
      { path: ['descriptionHtml'], message: 'at most 5,000 characters of text' },
    ]);
  }
  return { description, descriptionHtml };
}

/** A staff-set publish date, or the first publication's moment. */
function publishedAtFor(
  requested: string | null | undefined,
  becomesActive: boolean,
  active: boolean,
): { publishedAt?: Date | null } {
  if (requested) return { publishedAt: new Date(requested) };
  if (becomesActive) return { publishedAt: new Date() };
  // Cleared: only a product that is not for sale loses its date.
  return requested === null && !active ? { publishedAt: null } : {};
}

/** The refusal a stale editor gets: someone else saved the product after it was opened. */
export function changedMeanwhile(id: string, expected: number, current: number): TRPCError {
  return conflict(
    `This product was changed by someone else after you opened it (you edited version ${expected}, it is now at version ${current}). Reload it to see their changes, then make yours again.`,
  );
}

/** Matches the stored version, counting a product saved before versions existed as 0. */
export function versionFilter(version: number) {
  return version === 0 ? { version: { $in: [0, null] } } : { version };
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
  const description = descriptionFields(input);
  if (input.status === 'active') {
    const issues = publishIssues({ ...input, description: description.description ?? '' });
    if (issues.length > 0) throw invalidFields(issues);
  }
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
    const { variants, publishedAt, descriptionHtml: _html, ...fields } = input;
    const created = await models.Product.create({
      _id,
      ...fields,
      ...description,
      variants: storedVariants(variants),
      ...priceRange(variants),
      inStock: inventory.some((item) => item.available > 0),
      ...publishedAtFor(publishedAt, input.status === 'active', input.status === 'active'),
      version: 0,
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
 * units are reserved), kept ones keep their stock unless the editor set a count; price range and
 * inStock are recomputed. The write is conditional on the version read (and on
 * `expectedVersion` when the editor sent one), so of two concurrent saves the second is refused
 * with CONFLICT instead of overwriting the first.
 */
export async function updateProduct(
  models: Models,
  id: string,
  changes: ProductChanges,
  expectedVersion: number | undefined,
  logger: Logger,
  /** Who saved: the stock ledger records counts typed into the editor under their name. */
  actor: MovementRecord['actor'] = null,
) {
  const { Product, InventoryItem } = models;
  const _id = new Types.ObjectId(id);
  const current = await Product.findById(_id).lean();
  if (!current) throw new TRPCError({ code: 'NOT_FOUND', message: `No product ${id}` });
  const currentVersion = current.version ?? 0;
  if (expectedVersion !== undefined && expectedVersion !== currentVersion) {
    throw changedMeanwhile(id, expectedVersion, currentVersion);
  }
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
      barcode: variant.barcode,
      weightGrams: variant.weightGrams,
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
  const description = descriptionFields(changes);
  const status = changes.status ?? current.status;
  if (status === 'active') {
    const issues = publishIssues({
      name: changes.name ?? current.name,
      brand: changes.brand ?? current.brand,
      description: description.description ?? current.description ?? '',
      categorySlugs: changes.categorySlugs ?? current.categorySlugs,
      variants,
      images: merged.images,
    });
    if (issues.length > 0) throw invalidFields(issues);
  }

  const oldSkus = new Set(current.variants.map((variant) => variant.sku));
  const newSkus = new Set(variants.map((variant) => variant.sku));
  const added = changes.variants ? variants.filter((variant) => !oldSkus.has(variant.sku)) : [];
  const removed = changes.variants ? [...oldSkus].filter((sku) => !newSkus.has(sku)) : [];
  if (changes.variants) {
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
    // Before the product names them: a variant shoppers see always has its stock row.
    if (added.length > 0) await InventoryItem.insertMany(inventoryFor(_id, added));
  }
  const undoAdded = async () => {
    if (added.length > 0) {
      await InventoryItem.deleteMany({
        productId: _id,
        sku: { $in: added.map((variant) => variant.sku) },
        reserved: 0,
      });
    }
  };

  const {
    variants: _variants,
    description: _description,
    descriptionHtml: _html,
    publishedAt,
    ...fields
  } = changes;
  const becomesActive = status === 'active' && !current.publishedAt;
  const updated = await Product.findOneAndUpdate(
    { _id, ...versionFilter(currentVersion) },
    {
      $set: {
        ...fields,
        ...description,
        ...(changes.variants
          ? { variants: storedVariants(variants), ...priceRange(variants) }
          : {}),
        ...publishedAtFor(publishedAt, becomesActive, status === 'active'),
      },
      $inc: { version: 1 },
    },
    { returnDocument: 'after', runValidators: true },
  )
    .lean()
    .catch(async (error: unknown) => {
      await undoAdded();
      // The unique index caught a slug taken between the pre-check and this write.
      if (isDuplicateKeyError(error)) throw conflict(`slug taken: ${changes.slug ?? current.slug}`);
      throw error;
    });
  if (!updated) {
    await undoAdded();
    const now = await Product.findById(_id).select({ version: 1 }).lean();
    if (!now) throw new TRPCError({ code: 'NOT_FOUND', message: `No product ${id}` });
    // Another save landed between this one's read and its write.
    throw changedMeanwhile(id, expectedVersion ?? currentVersion, now.version ?? 0);
  }

  if (removed.length > 0) {
    await InventoryItem.deleteMany({ productId: _id, sku: { $in: removed }, reserved: 0 });
  }
  // Counts typed into the editor for kept SKUs: recorded like any stock count.
  for (const variant of changes.variants ?? []) {
    if (variant.onHand === undefined || !oldSkus.has(variant.sku)) continue;
    const row = await InventoryItem.findOne({ sku: variant.sku }).select({ onHand: 1 }).lean();
    if (row && row.onHand !== variant.onHand) {
      await adjustStock(
        models,
        { sku: variant.sku, onHand: variant.onHand, reason: 'counted (product editor)' },
        logger,
        { reason: 'counted', note: 'product editor', source: 'editor', actor },
      );
    }
  }
  let after = updated;
  if (changes.variants) {
    const inStock = Boolean(await InventoryItem.exists({ productId: _id, available: { $gt: 0 } }));
    if (inStock !== updated.inStock) {
      after =
        (await Product.findOneAndUpdate(
          { _id },
          { $set: { inStock } },
          { returnDocument: 'after' },
        ).lean()) ?? updated;
    }
  }
  return { before: current, after };
}

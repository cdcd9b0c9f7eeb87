import { derivedObjectId, isDuplicateKeyError } from '@shop/db/claims';
import type { SkuDetail } from '../product/views';
import { orderDatabase } from './database';

/** One SKU as the order cell's projection holds it; `detail` is absent for a SKU the catalog does not know. */
export interface ProjectedSku {
  sku: string;
  detail?: SkuDetail;
  /** The product cell's change time of what is held (the write guard compares it). */
  sourceChangedAtMs: number;
  /** When the order cell last had it from the product cell (the staleness bound counts from here). */
  checkedAtMs: number;
}

function projectionIdOf(sku: string) {
  return derivedObjectId('sku-projection', sku);
}

/**
 * What the product cell answered for `sku` at `checkedAtMs`. A SKU it left out is held as
 * unknown, dated when it was asked (its removal happened before then).
 */
export function projectedFrom(
  sku: string,
  detail: SkuDetail | undefined,
  checkedAtMs: number,
): ProjectedSku {
  return detail
    ? { sku, detail, sourceChangedAtMs: detail.changedAtMs, checkedAtMs }
    : { sku, sourceChangedAtMs: checkedAtMs, checkedAtMs };
}

/** The stored entries of `skus` (absent ones left out), whatever their age. */
export async function readProjection(skus: readonly string[]): Promise<ProjectedSku[]> {
  if (skus.length === 0) return [];
  const { SkuProjection } = await orderDatabase.models();
  const stored = await SkuProjection.find({ _id: { $in: skus.map(projectionIdOf) } }).lean();
  return stored.map((entry) => ({
    sku: entry.sku,
    sourceChangedAtMs: entry.sourceChangedAt.getTime(),
    checkedAtMs: entry.checkedAt.getTime(),
    ...(entry.known && {
      detail: {
        sku: entry.sku,
        productId: entry.productId,
        slug: entry.slug ?? '',
        name: entry.name ?? '',
        variantLabel: entry.variantLabel ?? '',
        ...(entry.imageUrl && { imageUrl: entry.imageUrl, imageAlt: entry.imageAlt ?? '' }),
        priceMinor: entry.priceMinor ?? 0,
        ...(entry.compareAtMinor != null && { compareAtMinor: entry.compareAtMinor }),
        currency: entry.currency ?? '',
        taxClass: entry.taxClass ?? 'standard',
        purchasable: entry.purchasable ?? false,
        available: entry.available ?? 0,
        changedAtMs: entry.sourceChangedAt.getTime(),
      },
    }),
  }));
}

/** The SKUs of `productId` the projection holds (unknown ones keep the product they had). */
export async function projectedSkusOfProduct(productId: string): Promise<string[]> {
  const { SkuProjection } = await orderDatabase.models();
  const entries = await SkuProjection.find({ productId }).select({ sku: 1 }).lean();
  return entries.map((entry) => entry.sku);
}

/**
 * Stores `entry` unless the stored one carries a later change time: answers that arrive out of
 * order (two refreshes racing, a redelivered event) never regress the projection. An entry past
 * `trustedSince` is replaced whatever its time, so a clock that ran ahead at the product cell
 * cannot pin an old entry for good. An unknown SKU only replaces a stored entry. Answers whether
 * it was stored.
 */
export async function writeProjected(entry: ProjectedSku, trustedSince: number): Promise<boolean> {
  const { SkuProjection } = await orderDatabase.models();
  const _id = projectionIdOf(entry.sku);
  const detail = entry.detail;
  const fields = {
    sku: entry.sku,
    known: Boolean(detail),
    sourceChangedAt: new Date(entry.sourceChangedAtMs),
    checkedAt: new Date(entry.checkedAtMs),
    ...(detail && {
      productId: detail.productId,
      slug: detail.slug,
      name: detail.name,
      variantLabel: detail.variantLabel,
      priceMinor: detail.priceMinor,
      currency: detail.currency,
      taxClass: detail.taxClass,
      purchasable: detail.purchasable,
      available: detail.available,
      ...(detail.imageUrl && { imageUrl: detail.imageUrl, imageAlt: detail.imageAlt ?? '' }),
      ...(detail.compareAtMinor !== undefined && { compareAtMinor: detail.compareAtMinor }),
    }),
  };
  // Fields the answer no longer has are removed (a withdrawn image, an ended sale, a removed SKU
  // keeps only its product id).
  const optional = [
    'slug',
    'name',
    'variantLabel',
    'imageUrl',
    'imageAlt',
    'priceMinor',
    'compareAtMinor',
    'currency',
    'taxClass',
    'purchasable',
    'available',
  ] as const;
  const unset = Object.fromEntries(
    optional.filter((field) => !(field in fields)).map((field) => [field, 1]),
  );
  const replaceIfNotNewer = () =>
    SkuProjection.updateOne(
      {
        _id,
        $or: [
          { sourceChangedAt: { $lte: fields.sourceChangedAt } },
          { checkedAt: { $lt: new Date(trustedSince) } },
        ],
      },
      { $set: fields, ...(Object.keys(unset).length > 0 && { $unset: unset }) },
      { runValidators: true },
    );
  if ((await replaceIfNotNewer()).matchedCount === 1) return true;
  // A SKU the catalog never had is not stored: anyone can ask for any string, and each would
  // leave an entry behind. Only an entry that was known becomes unknown.
  if (!detail) return false;
  try {
    await SkuProjection.create({ _id, ...fields });
    return true;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  // Another writer inserted it meanwhile: stored if not newer than ours.
  return (await replaceIfNotNewer()).matchedCount === 1;
}

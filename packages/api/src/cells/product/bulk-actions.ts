import type { Product, ProductModels } from '@shop/db/product';
import { Types } from 'mongoose';
import type { Logger } from 'pino';
import { productArchived, productUpdated } from '../../events/schemas';
import { emitProductEvent } from './emit-product-event';
import type { BulkAction, BulkInput } from './inputs';
import { invalidateListings } from './listing-cache';
import { assertCategoriesExist, versionFilter } from './product-writes';
import { publishIssues } from './publish-rules';

type Models = Pick<ProductModels, 'Product'>;
type StoredProduct = Product & { _id: Types.ObjectId };

export interface BulkResult {
  /** Products this request changed. */
  updated: string[];
  /** Products the key had already been applied to (a repeated request): left alone. */
  alreadyApplied: string[];
  /** Products left alone, with why, in words a merchant can act on. */
  skipped: { id: string; name: string; reason: string }[];
}

/** Attempts per product when a concurrent save moves its version between read and write. */
const maxAttempts = 3;

/** How many bulk keys a product remembers: enough for any retry, few enough to stay small. */
const rememberedKeys = 20;

/** A price moved by an amount or a percent, rounded half up to a whole minor unit. */
function repriced(priceMinor: number, action: BulkAction): number {
  if (action.type === 'changePrice') return priceMinor + action.amountMinor;
  if (action.type === 'changePercent') {
    // Integer arithmetic on basis points avoids 0.1 + 0.2 style drift before rounding.
    const basisPoints = Math.round(action.percent * 100);
    return Math.round((priceMinor * (10_000 + basisPoints)) / 10_000);
  }
  return priceMinor;
}

/** The `$set` for one product, or why the action cannot apply to it. */
function changesFor(
  product: StoredProduct,
  action: BulkAction,
): { set: Record<string, unknown> } | { reason: string } {
  switch (action.type) {
    case 'publish': {
      if (product.status === 'active') return { reason: 'already active' };
      const issues = publishIssues({ ...product, description: product.description ?? '' });
      if (issues.length > 0) {
        return {
          reason: `cannot be published: ${issues.map((issue) => issue.message).join('; ')}`,
        };
      }
      return {
        set: { status: 'active', ...(product.publishedAt ? {} : { publishedAt: new Date() }) },
      };
    }
    case 'archive':
      return product.status === 'archived'
        ? { reason: 'already archived' }
        : { set: { status: 'archived' } };
    case 'moveToCategory':
      return { set: { categorySlugs: [action.categorySlug] } };
    case 'changePrice':
    case 'changePercent': {
      const variants = product.variants.map((variant) => ({
        ...variant,
        priceMinor: repriced(variant.priceMinor, action),
      }));
      const tooLow = variants.find((variant) => variant.priceMinor < 1);
      if (tooLow) return { reason: `${tooLow.sku} would cost less than one cent` };
      const pastCompareAt = variants.find(
        (variant) =>
          variant.compareAtPriceMinor != null && variant.priceMinor >= variant.compareAtPriceMinor,
      );
      if (pastCompareAt) {
        return { reason: `${pastCompareAt.sku} would reach its compare-at ("was") price` };
      }
      const prices = variants.map((variant) => variant.priceMinor);
      return {
        set: {
          variants,
          priceMinMinor: Math.min(...prices),
          priceMaxMinor: Math.max(...prices),
        },
      };
    }
  }
}

/**
 * One staff action on many products. Each product is one conditional update: on its version
 * (a concurrent editor's save makes it re-read, and the editor's stale save is refused later)
 * and on the key not being among its `bulkKeys`, which the same update adds. So a repeated
 * request (a retry after a timeout, a double click) applies to no product twice, even if the
 * first run stopped half way.
 */
export async function runBulkAction(
  { Product }: Models,
  input: BulkInput,
  logger: Pick<Logger, 'warn'>,
): Promise<BulkResult> {
  const { action, key } = input;
  if (action.type === 'moveToCategory') await assertCategoriesExist([action.categorySlug]);
  const result: BulkResult = { updated: [], alreadyApplied: [], skipped: [] };
  for (const id of [...new Set(input.ids)]) {
    const _id = new Types.ObjectId(id);
    let done = false;
    for (let attempt = 0; attempt < maxAttempts && !done; attempt += 1) {
      const product = await Product.findById(_id).lean();
      if (!product) {
        result.skipped.push({ id, name: '', reason: 'no such product' });
        break;
      }
      if (product.bulkKeys?.includes(key)) {
        result.alreadyApplied.push(id);
        break;
      }
      const changes = changesFor(product, action);
      if ('reason' in changes) {
        result.skipped.push({ id, name: product.name, reason: changes.reason });
        break;
      }
      const updated = await Product.findOneAndUpdate(
        { _id, ...versionFilter(product.version ?? 0), bulkKeys: { $ne: key } },
        {
          $set: changes.set,
          $inc: { version: 1 },
          $push: { bulkKeys: { $each: [key], $slice: -rememberedKeys } },
        },
        { returnDocument: 'after', runValidators: true },
      ).lean();
      if (!updated) continue; // saved or bulk-edited meanwhile: read it again
      done = true;
      result.updated.push(id);
      await emitProductEvent(logger, productUpdated, { productId: id, slug: updated.slug });
      if (action.type === 'archive') {
        await emitProductEvent(logger, productArchived, { productId: id, slug: updated.slug });
      }
    }
    if (!done && !result.alreadyApplied.includes(id) && !result.skipped.some((s) => s.id === id)) {
      result.skipped.push({
        id,
        name: '',
        reason: 'changed by someone else during the action; try again',
      });
    }
  }
  if (result.updated.length > 0) invalidateListings();
  return result;
}

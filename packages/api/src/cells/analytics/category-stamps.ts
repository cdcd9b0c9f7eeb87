import type { Types } from 'mongoose';
import { rootLogger } from '../../observability/logger';
import { analyticsDatabase } from './database';
import type { CategoryStamp } from './category-key';
import { categoriesOfSkus, categoriesOfSlugs } from './product-categories';

const logger = rootLogger.child({ cell: 'analytics', component: 'category-stamps' });

/** After the product cell failed to answer, this long before asking again (one warning each). */
const pauseAfterFailureMs = 60_000;
let pausedUntil = 0;

/** A browsing event as the rollup reads it, with its id and category stamp. */
export interface StampableBrowsingFact {
  _id: Types.ObjectId;
  productId?: string | null;
  categorySlug?: string | null;
  categoryName?: string | null;
}

/** An order line of a recorded conversion, with the category stamped on it. */
export interface StampableLine {
  sku?: unknown;
  categorySlug?: unknown;
  categoryName?: unknown;
  [field: string]: unknown;
}

export interface StampableConversion {
  _id: Types.ObjectId;
  name: string;
  properties: Record<string, unknown>;
}

const linesOf = (conversion: StampableConversion): StampableLine[] =>
  Array.isArray(conversion.properties.lines)
    ? (conversion.properties.lines as StampableLine[])
    : [];
const unstampedLine = (line: StampableLine) =>
  typeof line.sku === 'string' && typeof line.categorySlug !== 'string';

/** Runs a lookup unless the product cell failed a moment ago; undefined when it cannot answer. */
async function lookUp<T>(what: string, lookup: () => Promise<T>): Promise<T | undefined> {
  if (Date.now() < pausedUntil) return undefined;
  try {
    return await lookup();
  } catch (error) {
    pausedUntil = Date.now() + pauseAfterFailureMs;
    logger.warn(
      { err: error, what },
      'product categories unavailable: facts left unstamped for a later run',
    );
    return undefined;
  }
}

/**
 * Gives each fact of a day that has no category yet its product's primary category as the
 * catalogue has it now, in the database and on the objects passed in (so the rollup being built
 * counts it). A fact is stamped once and never again: a product moving category later changes
 * only what happens after, never a day already counted. Browsing events carry the product page's
 * slug, order lines the SKU. When the product cell does not answer, the facts stay unstamped
 * (counted as uncategorised in this build) and the next rebuild of their day stamps them.
 */
export async function stampCategories(
  browsing: StampableBrowsingFact[],
  conversions: StampableConversion[],
): Promise<void> {
  await stampBrowsing(browsing.filter((event) => event.productId && !event.categorySlug));
  await stampConversions(conversions.filter((event) => linesOf(event).some(unstampedLine)));
}

async function stampBrowsing(unstamped: StampableBrowsingFact[]): Promise<void> {
  if (unstamped.length === 0) return;
  const stamps = await lookUp('product pages', () =>
    categoriesOfSlugs(unstamped.map((event) => event.productId!)),
  );
  if (!stamps) return;
  const idsByCategory = new Map<string, { stamp: CategoryStamp; ids: Types.ObjectId[] }>();
  for (const event of unstamped) {
    const stamp = stamps.get(event.productId!);
    if (!stamp) continue;
    event.categorySlug = stamp.slug;
    event.categoryName = stamp.name;
    const group = idsByCategory.get(stamp.slug) ?? { stamp, ids: [] };
    group.ids.push(event._id);
    idsByCategory.set(stamp.slug, group);
  }
  const { TrackedEvent } = await analyticsDatabase.models();
  await TrackedEvent.bulkWrite(
    [...idsByCategory.values()].map(({ stamp, ids }) => ({
      updateMany: {
        // `$exists: false`: a concurrent rebuild that stamped first keeps its stamp.
        filter: { _id: { $in: ids }, categorySlug: { $exists: false } },
        update: { $set: { categorySlug: stamp.slug, categoryName: stamp.name } },
      },
    })),
    { ordered: false },
  );
}

async function stampConversions(unstamped: StampableConversion[]): Promise<void> {
  if (unstamped.length === 0) return;
  const skus = unstamped.flatMap((event) =>
    linesOf(event)
      .filter(unstampedLine)
      .map((line) => line.sku as string),
  );
  const stamps = await lookUp('order lines', () => categoriesOfSkus(skus));
  if (!stamps) return;
  const { AnalyticsEvent } = await analyticsDatabase.models();
  await AnalyticsEvent.bulkWrite(
    unstamped.map((event) => {
      const lines = linesOf(event).map((line) => {
        const stamp = unstampedLine(line) ? stamps.get(line.sku as string) : undefined;
        return stamp ? { ...line, categorySlug: stamp.slug, categoryName: stamp.name } : line;
      });
      event.properties.lines = lines;
      return {
        updateOne: {
          filter: { _id: event._id },
          update: { $set: { 'properties.lines': lines } },
          // Not a change of the order: the job must not rebuild its day again for it.
          timestamps: false,
        },
      };
    }),
    { ordered: false },
  );
}

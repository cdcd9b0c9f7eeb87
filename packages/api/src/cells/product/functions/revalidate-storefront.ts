import { hostConfig } from '../../../config/host';
import { NonRetriableError } from 'inngest';
import { z } from 'zod';
import { inngestFor } from '../../../events/inngest-client';

/**
 * Keeps the storefront's cached pages fresh: when a product or category changes, expire the
 * storefront's cache tags through its `/api/revalidate` endpoint (shared secret). The tag names
 * are the storefront's (apps/storefront/src/server/cache-tags.ts): keep the two in step.
 *
 * Two steps: the changed product's or category's own pages at once; every listing (collections,
 * category pages, search answers) a few seconds later, once the search cell's index has taken
 * the change in (it follows the catalogue within 5 s), so listings are not re-cached stale.
 */
const inngest = inngestFor('product');

const slugData = z.object({ slug: z.string().min(1).max(120) });

export const revalidatePagesStepId = 'revalidate-pages';
export const waitForSearchIndexStepId = 'wait-for-search-index';
export const revalidateListingsStepId = 'revalidate-listings';

/** How long the search index may take to follow a catalogue change, plus a margin. */
const searchIndexDelay = '6s';

const productEvents = [
  'product/product.created',
  'product/product.updated',
  'product/product.archived',
] as const;
const categoryEvents = ['product/category.updated'] as const;
/** Its data names the collection's `handle` (the storefront's /collections/<handle>). */
const collectionEvents = ['product/collection.updated'] as const;

export function tagsFor(eventName: string, slug: string): string[] {
  if ((categoryEvents as readonly string[]).includes(eventName)) {
    return [`category:${slug}`, 'categories'];
  }
  if ((collectionEvents as readonly string[]).includes(eventName)) {
    return [`collection:${slug}`, 'collections'];
  }
  return [`product:${slug}`];
}

interface StorefrontTarget {
  url: string;
  secret: string;
}

function storefrontTarget(): StorefrontTarget | undefined {
  const { STOREFRONT_INTERNAL_URL: base, REVALIDATE_SECRET: secret } = hostConfig();
  if (!base || !secret) return undefined;
  return { url: new URL('/api/revalidate', base).toString(), secret };
}

/** POSTs the tags; throws (so Inngest retries) unless the storefront accepted them. */
export async function postTags(target: StorefrontTarget, tags: string[]): Promise<string[]> {
  const response = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${target.secret}` },
    body: JSON.stringify({ tags }),
    signal: AbortSignal.timeout(5_000),
  });
  if (response.status === 400 || response.status === 401) {
    // A wrong secret or a tag the storefront refuses will not fix itself on retry.
    throw new NonRetriableError(`storefront refused revalidation: ${response.status}`);
  }
  if (!response.ok) throw new Error(`storefront revalidation answered ${response.status}`);
  return tags;
}

export const revalidateStorefront = inngest.createFunction(
  {
    id: 'revalidate-storefront',
    triggers: [...productEvents, ...categoryEvents, ...collectionEvents].map((event) => ({
      event,
    })),
  },
  async ({ event, step }) => {
    const target = storefrontTarget();
    if (!target) {
      // Not configured (a cell host without a storefront): pages expire on their own timer.
      return { skipped: 'STOREFRONT_INTERNAL_URL or REVALIDATE_SECRET is not set' };
    }
    const data = event.data as Record<string, unknown>;
    const parsed = slugData.safeParse({ slug: data.slug ?? data.handle });
    if (!parsed.success) throw new NonRetriableError(`${event.name} without a slug`);
    const tags = tagsFor(event.name, parsed.data.slug);
    await step.run(revalidatePagesStepId, () => postTags(target, tags));
    await step.sleep(waitForSearchIndexStepId, searchIndexDelay);
    await step.run(revalidateListingsStepId, () => postTags(target, ['listings']));
    return { revalidated: [...tags, 'listings'] };
  },
);

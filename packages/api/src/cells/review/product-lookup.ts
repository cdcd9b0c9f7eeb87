import { TRPCError } from '@trpc/server';
import { cellClient } from '../../cross-cell/cell-client';

export interface ReviewedProduct {
  id: string;
  slug: string;
  name: string;
}

/**
 * How long an answer is reused. A product page sends its reviews in bursts (a launch, a
 * request email going out); one answer per product per 10 s spares the product cell, and a
 * product archived meanwhile accepts reviews for at most that long.
 */
const reuseMs = 10_000;
const answers = new Map<string, { at: number; product: Promise<ReviewedProduct> }>();

async function askProductCell(productSlug: string): Promise<ReviewedProduct> {
  try {
    const product = await cellClient().product.bySlug.query({ slug: productSlug });
    return { id: product.id, slug: product.slug, name: product.name };
  } catch (error) {
    const code = (error as { data?: { code?: string } }).data?.code;
    if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') {
      throw new TRPCError({ code: 'NOT_FOUND', message: `No product "${productSlug}"` });
    }
    // Not the shopper's fault: say so, and that trying again may work.
    throw new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: 'The product cannot be checked right now; try again in a moment',
      cause: error,
    });
  }
}

/**
 * The product a shopper reviews, asked of the product cell (`product.bySlug`, which answers
 * active products only): a review for a product the shopper cannot see is refused as not found.
 * Concurrent and recent asks for one product share one answer; failures are not kept.
 */
export function visibleProduct(productSlug: string): Promise<ReviewedProduct> {
  const now = Date.now();
  const kept = answers.get(productSlug);
  if (kept && now - kept.at < reuseMs) return kept.product;
  const product = askProductCell(productSlug);
  answers.set(productSlug, { at: now, product });
  product.catch(() => {
    if (answers.get(productSlug)?.product === product) answers.delete(productSlug);
  });
  if (answers.size > 10_000) answers.delete(answers.keys().next().value as string);
  return product;
}

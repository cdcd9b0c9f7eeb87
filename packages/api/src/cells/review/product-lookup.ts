import { TRPCError } from '@trpc/server';
import { cellClient } from '../../cross-cell/cell-client';

export interface ReviewedProduct {
  id: string;
  slug: string;
  name: string;
}

/**
 * The product a shopper reviews, asked of the product cell (`product.bySlug`, which answers
 * active products only): a review for a product the shopper cannot see is refused as not found.
 */
export async function visibleProduct(productSlug: string): Promise<ReviewedProduct> {
  try {
    const product = await cellClient().product.bySlug.query({ slug: productSlug });
    return { id: product.id, slug: product.slug, name: product.name };
  } catch (error) {
    const code = (error as { data?: { code?: string } }).data?.code;
    if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') {
      throw new TRPCError({ code: 'NOT_FOUND', message: `No product "${productSlug}"` });
    }
    throw error;
  }
}

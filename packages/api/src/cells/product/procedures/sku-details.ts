import type { HandlerArgs } from '../../../trpc/context';
import type { SkuDetailsInput } from '../inputs';
import { cachedSkuDetails } from '../sku-detail-cache';
import type { SkuDetail } from '../views';

/**
 * `product.skuDetails`: price, stock and display fields of SKUs, for the order cell's cart and
 * checkout. Public (nothing here is secret; stock counts above 99 are hidden). Unknown SKUs are
 * left out.
 */
export async function skuDetails({
  input,
}: HandlerArgs<SkuDetailsInput>): Promise<{ items: SkuDetail[] }> {
  return { items: await cachedSkuDetails(input.skus, input.fresh) };
}

import { serviceCellClient } from '../../cross-cell/service-client';

export interface VerifyingOrder {
  orderId: string;
  number: string;
}

/**
 * Whether the account received the product: asks the order cell (`order.deliveredPurchase`,
 * service permission `purchases:verify`) for a delivered order holding it. The review cell never
 * reads the order database.
 */
export async function deliveredOrderFor(
  accountId: string,
  productSlug: string,
): Promise<VerifyingOrder | null> {
  const answer = await serviceCellClient('review').order.deliveredPurchase.query({
    accountId,
    productSlug,
  });
  return answer ? { orderId: answer.orderId, number: answer.number } : null;
}

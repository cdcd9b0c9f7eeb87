import 'server-only';
import type { RouterOutputs } from '@shop/api/client';
import { callCell, type CellResult } from './cell-call';
import { shopperCells } from './cart-cells';
import { isOrderId, orderAccessToken } from './order-access';

export type OrderView = RouterOutputs['order']['get'];

/**
 * One order as this browser may see it: the signed-in owner's, or a guest's with the access
 * token kept in `shop_order_access`. The order cell decides; anyone else gets NOT_FOUND.
 */
export async function loadOrder(orderId: string): Promise<CellResult<OrderView>> {
  if (!isOrderId(orderId)) return { ok: false, failure: 'not-found' };
  const [{ client }, accessToken] = await Promise.all([shopperCells(), orderAccessToken(orderId)]);
  return callCell(({ signal }) =>
    client.order.get.query({ orderId, ...(accessToken ? { accessToken } : {}) }, { signal }),
  );
}

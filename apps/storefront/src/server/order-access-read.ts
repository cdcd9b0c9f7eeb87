import 'server-only';
import type { RouterOutputs } from '@shop/api/client';
import { callCell, type CellResult } from './cell-call';
import { shopperCells } from './cart-cells';
import { isOrderId, orderAccessToken } from './order-access';

export type OrderView = RouterOutputs['order']['get'];

/** Longest the order cell holds `order.get` waiting for a change (its own limit is 10 s). */
export const orderWaitMs = 8_000;

/**
 * One order as this browser may see it: the signed-in owner's, or a guest's with the access
 * token kept in `shop_order_access`. The order cell decides; anyone else gets NOT_FOUND. With
 * `after` (a `version` the caller has), the answer waits up to `orderWaitMs` for the order to
 * change (`order.get`'s `waitForChange`), then comes as the order is.
 */
export async function loadOrder(
  orderId: string,
  { after }: { after?: string } = {},
): Promise<CellResult<OrderView>> {
  if (!isOrderId(orderId)) return { ok: false, failure: 'not-found' };
  const [{ client }, accessToken] = await Promise.all([shopperCells(), orderAccessToken(orderId)]);
  return callCell(
    ({ signal }) =>
      client.order.get.query(
        {
          orderId,
          ...(accessToken ? { accessToken } : {}),
          ...(after ? { waitForChange: { from: after, timeoutMs: orderWaitMs } } : {}),
        },
        { signal },
      ),
    // The wait itself plus the ordinary 5 s for the answer.
    after ? { timeoutMs: orderWaitMs + 5_000 } : {},
  );
}

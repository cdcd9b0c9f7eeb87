'use client';

import { useEffect, useState } from 'react';
import type { CheckoutOrder } from './order-types';

/** What one request for the order ended with. */
type Answer = CheckoutOrder | 'not-found' | 'unavailable';

async function orderAfter(orderId: string, version: string, signal: AbortSignal): Promise<Answer> {
  const response = await fetch(
    `/api/orders/${encodeURIComponent(orderId)}?after=${encodeURIComponent(version)}`,
    { signal, cache: 'no-store' },
  );
  if (response.status === 404) return 'not-found';
  if (!response.ok) return 'unavailable';
  // The storefront's own route answers with `order.get`'s view (app/api/orders/[orderId]).
  return (await response.json()) as CheckoutOrder;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The order, followed while `keepFollowing(order)` says the saga is still working: the payment
 * and confirmation pages go from PENDING to CONFIRMED or CANCELLED without a reload. Each request
 * waits on the server until the order changes (up to 8 s, `order.get`'s `waitForChange`), so the
 * page hears of a change at once and asks about once per change instead of every second. While
 * the order service does not answer it asks again after 1, 2, 4, then every 8 s.
 */
export function useFollowedOrder(
  initial: CheckoutOrder,
  keepFollowing: (order: CheckoutOrder) => boolean,
): CheckoutOrder {
  const [order, setOrder] = useState(initial);
  const following = keepFollowing(order);
  const { version } = order;
  useEffect(() => {
    if (!following) return;
    const stop = new AbortController();
    const follow = async () => {
      for (let failures = 0; !stop.signal.aborted;) {
        const answer = await orderAfter(initial.id, version, stop.signal).catch(
          (): Answer => 'unavailable',
        );
        if (stop.signal.aborted) return;
        // The order is no longer visible to this browser (its access cookie is gone): stop asking.
        if (answer === 'not-found') return;
        if (answer === 'unavailable') {
          failures += 1;
          await pause(Math.min(8_000, 1_000 * 2 ** (failures - 1)));
          continue;
        }
        failures = 0;
        // A new version re-runs this effect, which then waits for the change after it.
        if (answer.version !== version) {
          setOrder(answer);
          return;
        }
      }
    };
    void follow();
    return () => stop.abort();
  }, [following, version, initial.id]);
  return order;
}

'use client';

import { useEffect, useState } from 'react';
import { latestOrder } from '@/app/checkout/order-actions';
import type { CheckoutOrder } from './order-types';

/**
 * The order, asked for again while `keepPolling(order)` says the saga is still working (every
 * second for the first half minute, then every three): the payment and confirmation pages follow
 * the order from PENDING to CONFIRMED or CANCELLED without a reload.
 */
export function useOrderPolling(
  initial: CheckoutOrder,
  keepPolling: (order: CheckoutOrder) => boolean,
): CheckoutOrder {
  const [order, setOrder] = useState(initial);
  const polling = keepPolling(order);
  useEffect(() => {
    if (!polling) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const started = Date.now();
    const tick = async () => {
      const next = await latestOrder(initial.id).catch(() => null);
      if (stopped) return;
      // The order is no longer visible to this browser (its access cookie is gone): stop asking.
      if (next === 'not-found') return;
      if (next) setOrder(next);
      const delay = Date.now() - started < 30_000 ? 1000 : 3000;
      timer = setTimeout(() => void tick(), delay);
    };
    timer = setTimeout(() => void tick(), 1000);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [polling, initial.id]);
  return order;
}

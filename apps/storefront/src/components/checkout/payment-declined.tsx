'use client';

import { Button, buttonClassNames, Notice } from '@shop/ui';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { shopperMessage } from '@/components/cart/cell-error';
import { useCartActions } from '@/components/cart/use-cart';
import type { CheckoutOrder } from './order-types';

/**
 * The card was declined: the order is cancelled (nothing charged, stock released) and the cart
 * was emptied when the order was placed, so offer to put the order's lines back in the cart.
 */
export function PaymentDeclined({ order, detail }: { order: CheckoutOrder; detail?: string }) {
  const router = useRouter();
  const { add } = useCartActions();
  const [restoring, setRestoring] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const putBack = async () => {
    setRestoring(true);
    const failed: string[] = [];
    // One line at a time: each answer is the whole cart, and the last one is what the cart page shows.
    for (const line of order.lines) {
      await add
        .mutateAsync({ sku: line.sku, quantity: line.quantity })
        .catch((error: unknown) => failed.push(`${line.name}: ${shopperMessage(error)}`));
    }
    setRestoring(false);
    if (failed.length === 0) router.push('/cart');
    else setProblems(failed);
  };

  return (
    <div className="flex flex-col gap-4" data-testid="payment-declined">
      <Notice
        tone="danger"
        title="Your card was declined. Your order has been cancelled and nothing was charged."
      >
        {/* The processor's reason, when it says more than the title (e.g. insufficient funds). */}
        {detail && !/^your card was declined\.?$/i.test(detail.trim()) ? <p>{detail}</p> : null}
        <p data-testid="declined-order-status">
          Order {order.number}{' '}
          {order.status === 'CANCELLED' ? 'is cancelled.' : 'is being cancelled…'}
        </p>
      </Notice>
      {problems.length > 0 ? (
        <Notice tone="warning" title="Some items could not go back in your cart">
          <ul className="list-disc pl-4">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button onClick={() => void putBack()} disabled={restoring}>
          {restoring ? 'Putting items back…' : 'Put these items back in my cart'}
        </Button>
        <Link href="/cart" className={buttonClassNames({ variant: 'secondary' })}>
          Go to your cart
        </Link>
      </div>
    </div>
  );
}

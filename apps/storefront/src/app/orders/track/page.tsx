import { Card, CardBody, Container } from '@shop/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { TrackOrderForm } from '@/components/orders/track-order-form';
import { lookupGuestOrder } from './actions';

// Reads the query (the order number from an email link).
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Track your order',
  robots: { index: false },
};

/** Guests find an order by its number and their email; emails link here with `?number=`. */
export default async function TrackOrderPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { number } = await searchParams;
  const initialNumber = typeof number === 'string' ? number.trim().slice(0, 20) : undefined;
  return (
    <Container className="max-w-xl py-10 sm:py-14">
      <p className="text-sm font-medium text-accent-700">Orders</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-ink sm:text-3xl">
        Track your order
      </h1>
      <p className="mt-2 text-ink-muted">
        Enter your order number and the email address you used at checkout to see where your order
        is.
      </p>
      <Card className="mt-6">
        <CardBody className="py-6">
          <TrackOrderForm action={lookupGuestOrder} initialNumber={initialNumber} />
        </CardBody>
      </Card>
      <p className="mt-6 text-sm text-ink-muted">
        Have an account?{' '}
        <Link href="/account/orders" className="font-medium text-accent-700 hover:underline">
          See all your orders
        </Link>
      </p>
    </Container>
  );
}

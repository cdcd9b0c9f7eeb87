import { Container, PageHeader } from '@shop/ui';
import type { Metadata } from 'next';
import { CartPageView } from '@/components/cart/cart-page-view';

export const metadata: Metadata = { title: 'Your cart', robots: { index: false } };

/** The cart itself is loaded in the browser (per shopper, never cached HTML). */
export default function CartPage() {
  return (
    <Container className="mt-8 mb-16">
      <PageHeader title="Your cart" />
      <CartPageView />
    </Container>
  );
}

import { Container, PageHeader } from '@shop/ui';
import type { Metadata } from 'next';
import { CartPageView } from '@/components/cart/cart-page-view';
import { pricesIncludeTax } from '@/server/tax-display';

export const metadata: Metadata = { title: 'Your cart', robots: { index: false } };
// Rendered per request (cheap: the tax mode is read from a shared one-minute cache), never at
// build time, when no cell answers and the labels would be left out for good.
export const dynamic = 'force-dynamic';

/**
 * The cart itself is loaded in the browser (per shopper, never cached HTML); the store's tax mode
 * (shared by every shopper) is read here for the summary's labels.
 */
export default async function CartPage() {
  const taxIncluded = await pricesIncludeTax();
  return (
    <Container className="mt-8 mb-16">
      <PageHeader title="Your cart" />
      <CartPageView pricesIncludeTax={taxIncluded} />
    </Container>
  );
}

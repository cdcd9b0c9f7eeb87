import { Container, Notice, PageHeader } from '@shop/ui';
import type { Metadata } from 'next';
import { CheckoutForm } from '@/components/checkout/checkout-form';
import { callCell } from '@/server/cell-call';
import { shopperCells } from '@/server/cart-cells';

// Per shopper, on every request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Checkout', robots: { index: false } };

/**
 * Checkout: the shipping, tax and payment options and (signed in) the saved addresses are read
 * here; the cart and its totals are live in the browser (see CheckoutForm).
 */
export default async function CheckoutPage() {
  const { session, client } = await shopperCells();
  const [options, addresses] = await Promise.all([
    callCell(({ signal }) => client.order.checkoutOptions.query(undefined, { signal })),
    session
      ? callCell(({ signal }) => client.user.listAddresses.query(undefined, { signal }))
      : null,
  ]);
  return (
    <Container className="mt-8 mb-16">
      <PageHeader title="Checkout" />
      {options.ok ? (
        <CheckoutForm
          options={options.data}
          account={session ? { name: session.account.name, email: session.account.email } : null}
          // Without the user cell the shopper can still type an address.
          savedAddresses={addresses?.ok ? addresses.data.items : []}
        />
      ) : (
        <Notice tone="danger" title="Checkout is unavailable right now" className="mt-8">
          The shop is not answering. Your cart is safe; try again in a moment.
        </Notice>
      )}
    </Container>
  );
}

import { Notice } from '@shop/ui';
import type { Metadata } from 'next';
import { LinkPage } from '@/components/newsletter/link-page';
import { RestoreCartForm } from '@/components/newsletter/restore-cart-form';

// Reads the link's token from the query, on every request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Back to your cart',
  robots: { index: false },
  referrer: 'no-referrer',
};

const linkToken = /^[A-Za-z0-9_.-]{20,600}$/;

/** Where the abandoned-cart reminder's link lands; the button puts the items back. */
export default async function RestoreCartPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  return (
    <LinkPage title="Back to your cart">
      {typeof token === 'string' && linkToken.test(token) ? (
        <>
          <p className="text-ink-muted">
            We will put the items from our email back into your cart. Prices and stock are
            today&apos;s.
          </p>
          <RestoreCartForm token={token} />
        </>
      ) : (
        <Notice tone="warning" title="This link is not valid">
          Browse the shop to find what you were looking at.
        </Notice>
      )}
    </LinkPage>
  );
}

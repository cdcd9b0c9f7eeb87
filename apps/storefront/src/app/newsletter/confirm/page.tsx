import { Notice } from '@shop/ui';
import type { Metadata } from 'next';
import { ConfirmNewsletterForm } from '@/components/newsletter/confirm-newsletter-form';
import { LinkPage } from '@/components/newsletter/link-page';

// Reads the link's token from the query, on every request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Confirm your subscription',
  robots: { index: false },
  // The address holds the link's token: never send it on to another site.
  referrer: 'no-referrer',
};

const linkToken = /^[A-Za-z0-9_.-]{20,600}$/;

/**
 * Where the double opt-in email's link lands. Opening it confirms nothing (mail scanners open
 * links); the button does, and pressing it twice is harmless.
 */
export default async function ConfirmNewsletterPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  return (
    <LinkPage title="Confirm your subscription">
      {typeof token === 'string' && linkToken.test(token) ? (
        <>
          <p className="text-ink-muted">
            One click and you will get the Shop newsletter: new products and offers, at most once a
            week.
          </p>
          <ConfirmNewsletterForm token={token} />
        </>
      ) : (
        <Notice tone="warning" title="This link is not valid">
          Sign up again from the form at the bottom of any page to get a new one.
        </Notice>
      )}
    </LinkPage>
  );
}

import { Notice } from '@shop/ui';
import type { Metadata } from 'next';
import { LinkPage } from '@/components/newsletter/link-page';
import { UnsubscribeForm } from '@/components/newsletter/unsubscribe-form';
import { visitorCells } from '@/app/(account)/_actions/public-cells';
import { callCell } from '@/server/cell-call';

// Reads the link's token from the query, on every request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Unsubscribe',
  robots: { index: false },
  referrer: 'no-referrer',
};

const linkToken = /^[A-Za-z0-9_.-]{20,600}$/;

/**
 * The footer link of every marketing email (and where a mail client without one-click sends the
 * shopper). Looking changes nothing; the button unsubscribes at once, without sign-in. The page
 * never shows the address.
 */
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  const valid = typeof token === 'string' && linkToken.test(token) ? token : undefined;
  const client = await visitorCells();
  const link = valid
    ? await callCell(({ signal }) =>
        client.notification.unsubscribeLink.query({ token: valid }, { signal }),
      )
    : null;

  return (
    <LinkPage title="Unsubscribe from marketing email">
      {link?.ok && link.data.valid ? (
        link.data.subscribed ? (
          <>
            <p className="text-ink-muted">
              No more newsletters or offers. Order and account emails (receipts, shipping, password
              resets) still come.
            </p>
            <UnsubscribeForm token={valid ?? ''} />
          </>
        ) : (
          <Notice tone="success" title="You are unsubscribed">
            We do not send you marketing email. You can sign up again at the bottom of any page.
          </Notice>
        )
      ) : link && !link.ok ? (
        <Notice tone="degraded" title="We cannot open this link right now">
          Reload the page in a moment.
        </Notice>
      ) : (
        <Notice tone="warning" title="This link is not valid">
          Use the link in the latest email you got from us, or change what we send in your account
          preferences.
        </Notice>
      )}
    </LinkPage>
  );
}

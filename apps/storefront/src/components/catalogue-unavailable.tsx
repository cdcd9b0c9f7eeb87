import { buttonClassNames, Notice } from '@shop/ui';
import type { Route } from 'next';
import Link from 'next/link';

/**
 * What shoppers see when the product cell does not answer: the page still renders, says what
 * is wrong in plain words and offers a retry (a link that asks the cell again: the page is
 * either per request, or cached HTML kept only a few seconds when it shows this, see
 * app/_lib/outage-cache.ts).
 */
export function CatalogueUnavailable({ retryHref = '/' }: { retryHref?: Route }) {
  return (
    <Notice
      tone="degraded"
      data-testid="catalogue-unavailable"
      title="Our catalogue is taking a break — please try again in a moment"
      action={
        <Link
          href={retryHref}
          prefetch={false}
          className={buttonClassNames({ variant: 'secondary', size: 'sm' })}
        >
          Try again
        </Link>
      }
    >
      Products and categories could not be loaded just now. Nothing is wrong with your basket or
      account.
    </Notice>
  );
}

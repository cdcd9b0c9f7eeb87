import { buttonClassNames, Notice } from '@shop/ui';
import type { Route } from 'next';
import Link from 'next/link';

/**
 * The search cell refused the filters in the URL (an edited or outdated link: a facet that does
 * not exist, a malformed price range). Say so and offer the unfiltered page.
 */
export function InvalidFilters({ clearHref }: { clearHref: Route }) {
  return (
    <Notice
      tone="warning"
      data-testid="invalid-filters"
      title="Some filters in this link are not recognised"
      action={
        <Link href={clearHref} className={buttonClassNames({ variant: 'secondary', size: 'sm' })}>
          Clear filters
        </Link>
      }
    >
      The link may be out of date. Clear the filters to see everything here.
    </Notice>
  );
}

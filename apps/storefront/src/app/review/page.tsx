import { Container, Notice } from '@shop/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { visitorCells } from '@/app/(account)/_actions/public-cells';
import { WriteReview } from '@/components/product/reviews/write-review';
import { callCell } from '@/server/cell-call';

// Reads the link's token from the query, on every request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Write a review',
  robots: { index: false },
  // The token writes a review: never sent on to another site in a Referer.
  referrer: 'no-referrer',
};

/** The review cell's link shape (cells/review/request-link.ts), checked before asking it. */
const linkToken = /^r1\.[0-9a-z.-]{50,300}\.[A-Za-z0-9_-]{22}$/;

/**
 * The link of a review request email: writes the review of one product, bought in one order,
 * without signing in (the review cell checks the signed link and verifies the review by that
 * order). A link that cannot write (edited, expired, used, or the order no longer eligible) gets
 * a page that says why, never an error page.
 */
export default async function ReviewByLinkPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  const valid = typeof token === 'string' && linkToken.test(token) ? token : undefined;
  const client = await visitorCells();
  const link = valid
    ? await callCell(({ signal }) => client.review.requestLink.query({ token: valid }, { signal }))
    : null;

  return (
    <Container className="max-w-xl py-10 sm:py-14" data-testid="review-by-link">
      <p className="text-sm font-medium text-accent-700">Reviews</p>
      {link?.ok && link.data.state === 'ready' ? (
        <>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-ink sm:text-3xl">
            Review {link.data.product.name}
          </h1>
          <p className="mt-3 text-ink-muted">
            No sign-in needed. Your review is marked as a verified purchase; a moderator may check
            it before it appears. How reviews are collected and checked is explained on the{' '}
            <Link className="underline" href={`/products/${link.data.product.slug}`}>
              product page
            </Link>
            .
          </p>
          <WriteReview productSlug={link.data.product.slug} linkToken={valid} />
        </>
      ) : (
        <>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-ink sm:text-3xl">
            Write a review
          </h1>
          <div className="mt-6">
            {link?.ok && link.data.state !== 'ready' ? (
              <Notice tone="warning" title={link.data.message} />
            ) : link && !link.ok ? (
              <Notice tone="degraded" title="We cannot open this link right now">
                Reload the page in a moment.
              </Notice>
            ) : (
              <Notice tone="warning" title="This review link is not valid">
                Use the whole link from the email, or sign in and review the product from its page.
              </Notice>
            )}
          </div>
        </>
      )}
    </Container>
  );
}

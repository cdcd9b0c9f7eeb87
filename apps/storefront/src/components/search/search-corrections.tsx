import type { Route } from 'next';
import Link from 'next/link';
import { queryStringOf, type ListingState } from '@/lib/listing-params';

interface SearchCorrectionsProps {
  state: ListingState;
  /** The words the search cell actually searched for, when it dropped or corrected some. */
  queryUsed: string | null;
  /** A correction that finds many more products. */
  didYouMean: string | null;
}

/**
 * Tells the shopper when the results are not for exactly what they typed ("Showing results for
 * mug", with a link to search the original words exactly) and offers a correction that finds
 * more ("Did you mean lamp?"). Plain text and links: read by screen readers, reached by Tab.
 */
export function SearchCorrections({ state, queryUsed, didYouMean }: SearchCorrectionsProps) {
  if (!queryUsed && !didYouMean) return null;
  const searchFor = (q: string, exact = false) =>
    `/search${queryStringOf({ ...state, q, page: 1, exact })}`;
  const exactly = searchFor(state.q, true) as Route;
  return (
    <div className="mb-6 space-y-1 text-ink" role="status">
      {queryUsed ? (
        <p data-testid="showing-results-for">
          Showing results for <strong className="font-semibold">{queryUsed}</strong>.{' '}
          <Link href={exactly} className="text-accent-700 underline">
            Search instead for exactly “{state.q}”
          </Link>
        </p>
      ) : null}
      {didYouMean ? (
        <p data-testid="did-you-mean">
          Did you mean{' '}
          <Link
            href={searchFor(didYouMean) as Route}
            className="font-semibold text-accent-700 underline"
          >
            {didYouMean}
          </Link>
          ?
        </p>
      ) : null}
    </div>
  );
}

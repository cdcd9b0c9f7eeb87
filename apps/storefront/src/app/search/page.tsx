import {
  Button,
  buttonClassNames,
  Container,
  EmptyState,
  Input,
  Notice,
  PageHeader,
} from '@shop/ui';
import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { InvalidFilters } from '@/components/listing/invalid-filters';
import { ListingView } from '@/components/listing/listing-view';
import { SearchCorrections } from '@/components/search/search-corrections';
import { filtersOf, parseListingState } from '@/lib/listing-params';
import { searchCatalogue } from '@/server/catalogue';

export const dynamic = 'force-dynamic';

const pageSize = 24;

export async function generateMetadata({ searchParams }: PageProps<'/search'>): Promise<Metadata> {
  const { q } = parseListingState(await searchParams);
  return {
    title: q ? `Search: ${q}` : 'Search',
    description: 'Search the Shop catalogue by product name, brand or category.',
    // Result pages are endless combinations: never indexed (robots.txt keeps crawlers out too).
    robots: { index: false, follow: true },
  };
}

function isRedirectTarget(target: string): boolean {
  if (target.startsWith('/')) return !target.startsWith('//') && !target.includes('\\');
  return /^https?:\/\//i.test(target);
}

export default async function SearchPage({ searchParams }: PageProps<'/search'>) {
  const params = await searchParams;
  const state = parseListingState(params);
  const { q } = state;
  // "Search instead for exactly ...": every word as typed, none dropped or corrected.
  const exact = state.exact === true;
  const filters = filtersOf(state);
  const searching = Boolean(q) || Object.keys(filters).length > 0;
  const result = searching
    ? await searchCatalogue({
        ...(q ? { q } : {}),
        ...(exact ? { exact } : {}),
        filters,
        ...(state.sort ? { sort: state.sort } : {}),
        page: state.page,
        pageSize,
      })
    : null;
  // A merchandising redirect ("returns" -> the returns page): the search cell accepts only
  // same-site paths and http(s) addresses; checked again here, as this is where we navigate.
  if (result?.ok && result.data.redirect && isRedirectTarget(result.data.redirect)) {
    redirect(result.data.redirect as Route);
  }

  return (
    <Container className="mt-10">
      <PageHeader
        title={q ? `Results for “${q}”` : 'Search'}
        description={q ? undefined : 'Find products by name, brand or category.'}
        className="mb-6"
      />
      <form action="/search" role="search" className="mb-8 flex max-w-xl gap-2">
        <label htmlFor="search-page-query" className="sr-only">
          Search products
        </label>
        <Input
          id="search-page-query"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="Search products, brands…"
        />
        <Button type="submit">Search</Button>
      </form>

      {result?.ok ? (
        <SearchCorrections
          state={state}
          queryUsed={result.data.queryUsed}
          didYouMean={result.data.didYouMean}
        />
      ) : null}

      {result === null ? null : !result.ok && result.failure === 'failed' ? (
        <InvalidFilters
          clearHref={(q ? `/search?q=${encodeURIComponent(q)}` : '/search') as Route}
        />
      ) : !result.ok ? (
        <Notice
          tone="degraded"
          data-testid="search-unavailable"
          title="Search is taking a break — please try again in a moment"
        >
          The search service did not answer. You can still browse every product from the home page.
        </Notice>
      ) : result.data.totalCount === 0 && !Object.keys(filters).length ? (
        <EmptyState
          title={`No products match “${q}”`}
          description="Check the spelling, or try a shorter or more general word."
          action={
            <Link href="/#categories" className={buttonClassNames({ variant: 'secondary' })}>
              Browse categories
            </Link>
          }
        />
      ) : (
        <ListingView
          results={result.data}
          state={state}
          basePath="/search"
          pageSize={pageSize}
          defaultSort={q ? 'relevance' : 'newest'}
        />
      )}
    </Container>
  );
}

import type { SearchResults } from '@shop/api/client';
import { buttonClassNames, EmptyState, FacetGroup } from '@shop/ui';
import type { Route } from 'next';
import Link from 'next/link';
import {
  facetChoices,
  facetParamName,
  hasFilters,
  queryStringOf,
  sortOptions,
  withoutFilters,
  type ListingState,
} from '@/lib/listing-params';
import { Pagination } from '../pagination';
import { ProductGrid } from '../product-grid';
import { FacetForm, SortSelect } from './facet-form';

export interface ListingViewProps {
  results: SearchResults;
  state: ListingState;
  /** The page's path without a query (`/categories/lighting`, `/search`). */
  basePath: string;
  pageSize: number;
  /** The category page shows subcategory links instead of a category facet. */
  hideCategoryFacet?: boolean;
  /** Sort shown as selected when none is in the URL. */
  defaultSort: string;
}

const formId = 'listing-filters';

/**
 * A page of products with its facets, sort, active-filter summary and pagination, all driven by
 * the URL (see lib/listing-params.ts). Server-rendered; only the form's auto-submit is client JS.
 */
export function ListingView({
  results,
  state,
  basePath,
  pageSize,
  hideCategoryFacet,
  defaultSort,
}: ListingViewProps) {
  const facets = results.facets.filter((facet) => !(hideCategoryFacet && facet.key === 'category'));
  const filtered = hasFilters(state);
  const cleared =
    `${basePath}${queryStringOf(withoutFilters(state), { withCategory: !hideCategoryFacet })}` as Route;
  const hrefFor = (page: number) =>
    `${basePath}${queryStringOf({ ...state, page }, { withCategory: !hideCategoryFacet })}` as Route;

  return (
    <div className="grid gap-8 lg:grid-cols-[16rem_1fr]">
      <div>
        {/* A CSS-only disclosure: filters fold away on phones and work without JavaScript. The
            box is named by its label; from lg up the filters are always shown, so the box is
            display:none there (out of the tab order and the accessibility tree) with its label. */}
        <input
          type="checkbox"
          id="show-filters"
          aria-controls="listing-filters"
          className="peer sr-only lg:hidden"
          data-testid="filters-toggle"
        />
        <label
          htmlFor="show-filters"
          className={buttonClassNames({
            variant: 'secondary',
            className:
              'w-full cursor-pointer peer-focus-visible:outline-2 peer-focus-visible:outline-accent-600 lg:hidden',
          })}
        >
          Filters{filtered ? ' (active)' : ''}
        </label>
        <aside
          id="listing-filters"
          aria-label="Filters"
          className="mt-3 hidden peer-checked:block lg:mt-0 lg:block"
        >
          {/* Keyed by the URL: Back re-renders the boxes from the URL, not from stale DOM state. */}
          <FacetForm key={hrefFor(state.page)} id={formId} action={basePath as Route}>
            {state.q ? <input type="hidden" name="q" value={state.q} /> : null}
            {state.q && state.exact ? <input type="hidden" name="exact" value="1" /> : null}
            {state.sort ? <input type="hidden" name="sort" value={state.sort} /> : null}
            {facets.map((facet) => (
              <FacetGroup
                key={facet.key}
                name={facetParamName(facet)}
                legend={facet.label}
                type={facet.key === 'rating' || facet.key === 'category' ? 'radio' : 'checkbox'}
                options={facetChoices(facet)}
              />
            ))}
            <noscript>
              <button type="submit" className={buttonClassNames({ className: 'mt-4 w-full' })}>
                Apply filters
              </button>
            </noscript>
          </FacetForm>
          {filtered ? (
            <Link
              href={cleared}
              className="mt-3 inline-block text-sm font-medium text-accent-700 hover:underline"
            >
              Clear all filters
            </Link>
          ) : null}
        </aside>
      </div>

      <section aria-label="Products" data-testid="listing-results">
        <div className="mb-5 flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-ink-muted" role="status" data-testid="result-count">
            {results.totalCount} {results.totalCount === 1 ? 'product' : 'products'}
          </p>
          <SortSelect
            key={hrefFor(state.page)}
            formId={formId}
            value={state.sort ?? defaultSort}
            options={sortOptions}
          />
        </div>
        {results.results.length > 0 ? (
          <>
            <ProductGrid products={results.results} headingLevel="h2" />
            <Pagination
              page={state.page}
              pageSize={pageSize}
              totalCount={results.totalCount}
              hrefFor={hrefFor}
            />
          </>
        ) : results.totalCount > 0 ? (
          <EmptyState
            title="No more results here"
            description="This page is past the end of the list."
            action={
              <Link href={hrefFor(1)} className={buttonClassNames({ variant: 'secondary' })}>
                Back to the first page
              </Link>
            }
          />
        ) : (
          <EmptyState
            title="No products match"
            description={
              filtered
                ? 'Nothing matches all of these filters. Remove one or clear them all.'
                : 'Nothing is listed here at the moment.'
            }
            action={
              filtered ? (
                <Link
                  href={cleared}
                  className={buttonClassNames({ variant: 'secondary' })}
                  data-testid="clear-filters"
                >
                  Clear filters
                </Link>
              ) : undefined
            }
          />
        )}
      </section>
    </div>
  );
}

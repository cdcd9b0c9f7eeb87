import 'server-only';
import { Breadcrumbs, Container, PageHeader } from '@shop/ui';
import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cacheOutageBriefly } from '@/app/_lib/outage-cache';
import { CatalogueUnavailable } from '@/components/catalogue-unavailable';
import { breadcrumbListLd, JsonLd } from '@/components/json-ld';
import { ProductListing } from '@/components/product-listing';
import { filtersOf, hasFilters, type ListingState } from '@/lib/listing-params';
import { browseCategory, getCategory, isSlug, listProducts } from '@/server/catalogue';
import { absoluteUrl } from '@/server/site-url';
import { InvalidFilters } from './invalid-filters';
import { ListingView } from './listing-view';

/**
 * A category page, shared by its two routes: the plain listing (first page, default sort) is
 * cached HTML at `/categories/[slug]`; a filtered, sorted or paged view renders per request at
 * `/categories/[slug]/view`, where next.config.ts rewrites such URLs.
 */

const pageSize = 24;

export async function categoryMetadata(slug: string, state: ListingState): Promise<Metadata> {
  const found = isSlug(slug) ? await getCategory(slug) : null;
  if (!found?.ok) {
    // The page answers 404 unless the catalogue is down: say so in the tab, as products do.
    return {
      title:
        found?.ok === false && found.failure !== 'not-found' ? 'Category' : 'Category not found',
    };
  }
  const { category } = found.data;
  // Filters and sort are views of the same page: canonical is the category (and its page).
  const canonical = `/categories/${slug}${state.page > 1 ? `?page=${state.page}` : ''}`;
  const description = category.description || `Shop ${category.name} at Shop.`;
  return {
    title: category.name,
    description,
    alternates: { canonical: absoluteUrl(canonical) },
    openGraph: { title: category.name, description, url: absoluteUrl(canonical), type: 'website' },
    // Filtered combinations are crawl traps: followable, not indexable.
    ...(hasFilters(state) || state.sort ? { robots: { index: false, follow: true } } : {}),
  };
}

export async function CategoryPage({ slug, state }: { slug: string; state: ListingState }) {
  if (!isSlug(slug)) notFound();
  const [found, listing] = await Promise.all([
    getCategory(slug),
    browseCategory({
      filters: { ...filtersOf(state, slug), category: slug },
      ...(state.sort ? { sort: state.sort } : {}),
      page: state.page,
      pageSize,
    }),
  ]);
  // Only a catalogue that answered can say a category does not exist.
  if (!found.ok && found.failure === 'not-found') notFound();
  if (!found.ok || !listing.ok) await cacheOutageBriefly();
  const category = found.ok ? found.data.category : undefined;
  const trail = found.ok ? found.data.breadcrumbs : [];
  const children = found.ok ? found.data.children : [];
  const basePath = `/categories/${slug}`;

  return (
    <Container className="mt-8">
      <Breadcrumbs
        linkAs={Link}
        className="mb-4"
        items={[
          { name: 'Shop', href: '/' },
          ...trail.map((crumb) => ({ name: crumb.name, href: `/categories/${crumb.slug}` })),
        ]}
      />
      {found.ok ? (
        <JsonLd
          data={breadcrumbListLd([
            { name: 'Shop', url: absoluteUrl('/') },
            ...trail.map((crumb) => ({
              name: crumb.name,
              url: absoluteUrl(`/categories/${crumb.slug}`),
            })),
          ])}
        />
      ) : null}
      <PageHeader
        title={category?.name ?? 'Category'}
        description={category?.description || undefined}
        className="mb-6"
      />
      {children.length > 0 ? (
        <nav aria-label="Subcategories" className="mb-8">
          <ul className="flex flex-wrap gap-2">
            {children.map((child) => (
              <li key={child.slug}>
                <Link
                  href={`/categories/${child.slug}` as Route}
                  data-testid="subcategory-link"
                  className="inline-flex h-9 items-center rounded-full border border-line-strong bg-surface px-4 text-sm font-medium text-ink shadow-card hover:bg-surface-sunken"
                >
                  {child.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {listing.ok ? (
        <ListingView
          results={listing.data}
          state={state}
          basePath={basePath}
          pageSize={pageSize}
          hideCategoryFacet
          defaultSort="relevance"
        />
      ) : listing.failure === 'failed' && (hasFilters(state) || state.sort) ? (
        <InvalidFilters clearHref={basePath as Route} />
      ) : (
        <CategoryWithoutSearch slug={slug} page={state.page} />
      )}
    </Container>
  );
}

/**
 * The search cell is down: the product cell can still list the category (no facets or sort),
 * so shoppers keep browsing.
 */
async function CategoryWithoutSearch({ slug, page }: { slug: string; page: number }) {
  const result = await listProducts(page, pageSize, slug);
  if (!result.ok) return <CatalogueUnavailable retryHref={`/categories/${slug}` as Route} />;
  return (
    <>
      <p className="mb-4 text-sm text-ink-muted" data-testid="filters-unavailable">
        Filters and sorting are unavailable just now; here is everything in this category.
      </p>
      <ProductListing
        result={result}
        page={page}
        pageSize={pageSize}
        hrefFor={(target) => `/categories/${slug}?page=${target}` as Route}
        retryHref={`/categories/${slug}?page=${page}` as Route}
      />
    </>
  );
}

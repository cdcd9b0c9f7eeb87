import { Container, PageHeader } from '@shop/ui';
import type { Metadata, Route } from 'next';
import { notFound } from 'next/navigation';
import { pageFromParam } from '@/components/pagination';
import { ProductListing } from '@/components/product-listing';
import { getCollectionPage, isSlug } from '@/server/catalogue';
import { absoluteUrl } from '@/server/site-url';

// Rendered per request (it reads ?page=) from cached catalogue reads, expired by the
// collection's own tag and by `listings`, like the category pages' data.
export const dynamic = 'force-dynamic';

const pageSize = 24;

export async function generateMetadata({
  params,
  searchParams,
}: PageProps<'/collections/[handle]'>): Promise<Metadata> {
  const [{ handle }, query] = await Promise.all([params, searchParams]);
  const page = pageFromParam(query.page);
  const found = isSlug(handle) ? await getCollectionPage(handle, page, pageSize) : null;
  if (!found?.ok) {
    return {
      title:
        found?.ok === false && found.failure !== 'not-found'
          ? 'Collection'
          : 'Collection not found',
    };
  }
  const { title, description } = found.data.collection;
  const canonical = `/collections/${handle}${page > 1 ? `?page=${page}` : ''}`;
  const summary = description || `Shop the ${title} collection.`;
  return {
    title,
    description: summary,
    alternates: { canonical: absoluteUrl(canonical) },
    openGraph: { title, description: summary, url: absoluteUrl(canonical), type: 'website' },
  };
}

/** A collection staff made: its active products, in its order, paged. */
export default async function CollectionPage({
  params,
  searchParams,
}: PageProps<'/collections/[handle]'>) {
  const [{ handle }, query] = await Promise.all([params, searchParams]);
  if (!isSlug(handle)) notFound();
  const page = pageFromParam(query.page);
  const result = await getCollectionPage(handle, page, pageSize);
  if (!result.ok && result.failure === 'not-found') notFound();
  const href = (target: number) =>
    (target > 1 ? `/collections/${handle}?page=${target}` : `/collections/${handle}`) as Route;
  return (
    <Container className="mt-10">
      <PageHeader
        eyebrow="Collection"
        title={result.ok ? result.data.collection.title : 'Collection'}
        description={
          result.ok
            ? [
                result.data.collection.description,
                `${result.data.totalCount} product${result.data.totalCount === 1 ? '' : 's'}.`,
              ]
                .filter(Boolean)
                .join(' ')
            : undefined
        }
        className="mb-8"
      />
      <ProductListing
        result={result}
        page={page}
        pageSize={pageSize}
        hrefFor={href}
        retryHref={href(page)}
      />
    </Container>
  );
}

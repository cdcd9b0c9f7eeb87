import type { Metadata } from 'next';
import { CategoryPage, categoryMetadata } from '@/components/listing/category-page';
import { parseListingState } from '@/lib/listing-params';

// The plain listing (first page, default sort, no filters) is cached HTML (ISR), rendered on a
// category's first view and expired by its cache tags (`/api/revalidate`) or after 60 s. URLs
// with listing parameters are rewritten to ./view (next.config.ts), which renders per request:
// this page never reads searchParams, which would make it per-request too.
export const revalidate = 60;
export const dynamicParams = true;

/** No page is rendered at build time (the build has no cells); each is cached on first view. */
export function generateStaticParams(): { slug: string }[] {
  return [];
}

const plainListing = parseListingState({});

export async function generateMetadata({
  params,
}: PageProps<'/categories/[slug]'>): Promise<Metadata> {
  return categoryMetadata((await params).slug, plainListing);
}

export default async function PlainCategoryPage({ params }: PageProps<'/categories/[slug]'>) {
  return <CategoryPage slug={(await params).slug} state={plainListing} />;
}

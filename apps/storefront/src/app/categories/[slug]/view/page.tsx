import type { Metadata } from 'next';
import { CategoryPage, categoryMetadata } from '@/components/listing/category-page';
import { parseListingState } from '@/lib/listing-params';

// A filtered, sorted or paged category listing, rendered per request from cached catalogue
// reads. Shoppers never see this path: next.config.ts rewrites `/categories/<slug>?brand=...`
// (any listing parameter) here, so the plain `/categories/<slug>` can stay cached HTML.
export const dynamic = 'force-dynamic';

export async function generateMetadata({
  params,
  searchParams,
}: PageProps<'/categories/[slug]/view'>): Promise<Metadata> {
  return categoryMetadata((await params).slug, parseListingState(await searchParams));
}

export default async function CategoryViewPage({
  params,
  searchParams,
}: PageProps<'/categories/[slug]/view'>) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  return <CategoryPage slug={slug} state={parseListingState(query)} />;
}

import { Container, PageHeader } from '@shop/ui';
import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { pageFromParam } from '@/components/pagination';
import { ProductListing } from '@/components/product-listing';
import { getCategories, isSlug, listProducts } from '@/server/catalogue';

export const dynamic = 'force-dynamic';

const pageSize = 24;

async function categoryFor(slug: string) {
  const categories = await getCategories();
  if (!categories.ok) return { available: false as const };
  return { available: true as const, category: categories.data.items.find((c) => c.slug === slug) };
}

export async function generateMetadata({
  params,
}: PageProps<'/categories/[slug]'>): Promise<Metadata> {
  const { slug } = await params;
  const found = isSlug(slug) ? await categoryFor(slug) : null;
  const category = found?.available ? found.category : undefined;
  if (category) {
    return { title: category.name, description: category.description || `Shop ${category.name}.` };
  }
  // The page answers 404 unless the catalogue is down: say so in the tab, as products do.
  return { title: found?.available === false ? 'Category' : 'Category not found' };
}

export default async function CategoryPage({
  params,
  searchParams,
}: PageProps<'/categories/[slug]'>) {
  const { slug } = await params;
  if (!isSlug(slug)) notFound();
  const page = pageFromParam((await searchParams).page);
  const [found, result] = await Promise.all([
    categoryFor(slug),
    listProducts(page, pageSize, slug),
  ]);
  // Only a catalogue that answered can say a category does not exist.
  if (found.available && !found.category) notFound();
  const category = found.available ? found.category : undefined;

  return (
    <Container className="mt-10">
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-ink-muted">
        <Link href="/" className="hover:text-ink">
          Home
        </Link>
        <span aria-hidden="true"> / </span>
        <Link href="/#categories" className="hover:text-ink">
          Categories
        </Link>
      </nav>
      <PageHeader
        title={category?.name ?? 'Category'}
        description={category?.description || undefined}
        className="mb-8"
      />
      <ProductListing
        result={result}
        page={page}
        pageSize={pageSize}
        // A dynamic route with a query string is beyond what typed routes can check.
        hrefFor={(target) => `/categories/${slug}?page=${target}` as Route}
        retryHref={`/categories/${slug}?page=${page}` as Route}
      />
    </Container>
  );
}

import { Badge, Button, Container, Price, ProductImage } from '@shop/ui';
import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CatalogueUnavailable } from '@/components/catalogue-unavailable';
import { getCategories, getProduct, isSlug } from '@/server/catalogue';

export const dynamic = 'force-dynamic';

export async function generateMetadata({
  params,
}: PageProps<'/products/[slug]'>): Promise<Metadata> {
  const { slug } = await params;
  const product = isSlug(slug) ? await getProduct(slug) : null;
  if (!product?.ok) {
    return {
      title: product?.failure === 'not-found' || !product ? 'Product not found' : 'Product',
    };
  }
  return {
    title: product.data.name,
    description:
      product.data.description.slice(0, 160) || `${product.data.name} by ${product.data.brand}.`,
  };
}

export default async function ProductPage({ params }: PageProps<'/products/[slug]'>) {
  const { slug } = await params;
  if (!isSlug(slug)) notFound();
  const [product, categories] = await Promise.all([getProduct(slug), getCategories()]);
  if (!product.ok && product.failure === 'not-found') notFound();

  if (!product.ok) {
    return (
      <Container className="mt-10">
        <CatalogueUnavailable retryHref={`/products/${slug}` as Route} />
      </Container>
    );
  }

  const { data } = product;
  const categoryNames = new Map(
    categories.ok ? categories.data.items.map((c) => [c.slug, c.name] as const) : [],
  );

  return (
    <Container className="mt-8">
      <nav aria-label="Breadcrumb" className="mb-6 text-sm text-ink-muted">
        <Link href="/" className="hover:text-ink">
          Home
        </Link>
        <span aria-hidden="true"> / </span>
        <Link href="/products" className="hover:text-ink">
          All products
        </Link>
      </nav>
      <article data-testid="product-detail" className="grid gap-8 md:grid-cols-2 lg:gap-14">
        <ProductImage
          slug={data.slug}
          name={data.name}
          imageUrl={data.imageUrl}
          alt={data.imageAlt}
          priority
          className="rounded-card border border-line shadow-card"
        />
        <div className="flex flex-col">
          <p className="text-sm font-medium tracking-wide text-ink-subtle uppercase">
            {data.brand}
          </p>
          <h1 className="mt-2 text-3xl font-semibold tracking-tight text-ink sm:text-4xl">
            {data.name}
          </h1>
          <Price minor={data.priceMinor} currency={data.currency} className="mt-4 text-2xl" />
          {data.categorySlugs.length > 0 ? (
            <ul aria-label="Categories" className="mt-5 flex flex-wrap gap-2">
              {data.categorySlugs.map((categorySlug) => (
                <li key={categorySlug}>
                  <Link href={`/categories/${categorySlug}`} className="rounded-full">
                    <Badge tone="accent">{categoryNames.get(categorySlug) ?? categorySlug}</Badge>
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          {data.description ? (
            <p className="mt-6 leading-relaxed text-pretty text-ink-muted">{data.description}</p>
          ) : null}
          <div className="mt-8 flex flex-col gap-2 border-t border-line pt-6">
            {/* The cart arrives with the order cell's UI; say so rather than fail silently. */}
            <Button size="lg" disabled aria-describedby="cart-coming-soon">
              Add to basket
            </Button>
            <p id="cart-coming-soon" className="text-sm text-ink-subtle">
              Checkout is coming soon.
            </p>
          </div>
        </div>
      </article>
    </Container>
  );
}

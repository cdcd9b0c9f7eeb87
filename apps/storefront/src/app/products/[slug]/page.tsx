import { Breadcrumbs, Container, RatingStars } from '@shop/ui';
import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { preload } from 'react-dom';
import { CatalogueUnavailable } from '@/components/catalogue-unavailable';
import { breadcrumbListLd, JsonLd } from '@/components/json-ld';
import { AddToCart } from '@/components/product/add-to-cart';
import { ProductGallery } from '@/components/product/product-gallery';
import { productJsonLd } from '@/components/product/product-json-ld';
import { ProductReviews } from '@/components/product/reviews/product-reviews';
import { reviewJsonLd } from '@/components/product/reviews/review-json-ld';
import { VariantPicker, VariantPriceAndStock } from '@/components/product/variant-picker';
import { VariantProvider } from '@/components/product/variant-state';
import { priceTaxNote } from '@/components/tax-labels';
import { getProduct, isSlug } from '@/server/catalogue';
import { getFirstReviews, reviewPageSize } from '@/server/product-reviews';
import { pricesIncludeTax } from '@/server/tax-display';
import { absoluteUrl } from '@/server/site-url';
import { cacheOutageBriefly } from '@/app/_lib/outage-cache';

// Cached HTML (ISR), one entry per product, rendered on its first view and expired by the
// product's cache tags (`/api/revalidate`) or after 60 s; `?sku=` is applied in the browser
// (variant-state.tsx), so every URL of a product shares its entry.
export const revalidate = 60;
export const dynamicParams = true;

/** No page is rendered at build time (the build has no cells); each is cached on first view. */
export function generateStaticParams(): { slug: string }[] {
  return [];
}

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
  const { data } = product;
  const title = data.seo.title || data.name;
  const description =
    data.seo.description || data.description.slice(0, 160) || `${data.name} by ${data.brand}.`;
  const canonical = absoluteUrl(`/products/${data.slug}`);
  return {
    title,
    description,
    // Every `?sku=` view is the same product page.
    alternates: { canonical },
    openGraph: {
      title,
      description,
      url: canonical,
      type: 'website',
      images: data.images.slice(0, 1).map((image) => ({
        url: absoluteUrl(image.url),
        alt: image.alt,
        width: 400,
        height: 300,
      })),
    },
  };
}

export default async function ProductPage({ params }: PageProps<'/products/[slug]'>) {
  const { slug } = await params;
  if (!isSlug(slug)) notFound();
  const [product, taxIncluded, reviews] = await Promise.all([
    getProduct(slug),
    pricesIncludeTax(),
    getFirstReviews(slug),
  ]);
  if (!product.ok && product.failure === 'not-found') notFound();

  if (!product.ok) {
    await cacheOutageBriefly();
    return (
      <Container className="mt-10">
        <CatalogueUnavailable retryHref={`/products/${slug}` as Route} />
      </Container>
    );
  }

  const { data } = product;
  const initialSku =
    data.variants.find((variant) => variant.stock !== 'out_of_stock')?.sku ??
    data.variants[0]?.sku ??
    '';
  // The chosen variant's image is the page's largest paint: fetch it with the HTML, not after.
  const leadImage = data.images[data.variants.find((v) => v.sku === initialSku)?.imageIndex ?? 0];
  if (leadImage) preload(leadImage.url, { as: 'image', fetchPriority: 'high' });
  const crumbs = [
    { name: 'Shop', href: '/' },
    ...data.breadcrumbs.map((crumb) => ({ name: crumb.name, href: `/categories/${crumb.slug}` })),
    { name: data.name },
  ];

  return (
    <Container className="mt-8">
      <JsonLd
        data={{
          ...productJsonLd(data, absoluteUrl),
          ...reviewJsonLd(data.name, reviews?.summary ?? null, reviews?.page.items ?? []),
        }}
      />
      <JsonLd
        data={breadcrumbListLd(
          crumbs.map((crumb) => ({
            name: crumb.name,
            url: absoluteUrl(crumb.href ?? `/products/${data.slug}`),
          })),
        )}
      />
      <Breadcrumbs linkAs={Link} items={crumbs} className="mb-6" />
      <VariantProvider
        product={{
          slug: data.slug,
          name: data.name,
          currency: data.currency,
          options: data.options,
          variants: data.variants,
          images: data.images,
        }}
        initialSku={initialSku}
      >
        <article data-testid="product-detail" className="grid gap-8 md:grid-cols-2 lg:gap-14">
          <ProductGallery />
          <div className="flex flex-col">
            <p className="text-sm font-medium tracking-wide text-ink-subtle uppercase">
              {data.brand}
            </p>
            <h1 className="mt-2 text-3xl font-semibold tracking-tight text-balance text-ink sm:text-4xl">
              {data.name}
            </h1>
            {data.rating.count > 0 ? (
              <RatingStars
                average={data.rating.average}
                count={data.rating.count}
                className="mt-3"
              />
            ) : (
              <p className="mt-3 text-sm text-ink-muted">No reviews yet</p>
            )}
            <VariantPriceAndStock />
            {taxIncluded !== null ? (
              <p className="mt-1 text-sm text-ink-muted" data-testid="price-tax-note">
                {priceTaxNote(taxIncluded)}
              </p>
            ) : null}
            <VariantPicker />
            <AddToCart />
            {data.description ? (
              <section aria-labelledby="description" className="mt-8">
                <h2 id="description" className="text-base font-semibold text-ink">
                  Description
                </h2>
                <p className="mt-2 leading-relaxed text-pretty whitespace-pre-line text-ink-muted">
                  {data.description}
                </p>
              </section>
            ) : null}
            {data.attributes.length > 0 ? (
              <section aria-labelledby="details" className="mt-8">
                <h2 id="details" className="text-base font-semibold text-ink">
                  Details
                </h2>
                <dl
                  className="mt-2 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm"
                  data-testid="product-attributes"
                >
                  {groupAttributes(data.attributes).map(([name, values]) => (
                    <div key={name} className="contents">
                      <dt className="text-ink-muted">{name}</dt>
                      <dd className="text-ink">{values.join(', ')}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ) : null}
          </div>
        </article>
      </VariantProvider>
      <ProductReviews
        productSlug={data.slug}
        pageSize={reviewPageSize}
        initialSummary={reviews?.summary ?? null}
        initialPage={reviews?.page ?? null}
      />
    </Container>
  );
}

/** One row per attribute name ("Colour: Space Grey, Silver"), in first-seen order. */
function groupAttributes(attributes: { name: string; value: string }[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const { name, value } of attributes) groups.set(name, [...(groups.get(name) ?? []), value]);
  return [...groups];
}

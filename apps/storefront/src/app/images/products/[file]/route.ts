import { productArtSvg } from '@shop/ui';

/**
 * Product images for the demo catalogue, whose seed points every product at
 * `/images/products/<slug>.svg` but ships no files: each is the product's generated artwork.
 * Deterministic from the slug, so browsers and CDNs may cache it.
 */
export async function GET(
  _request: Request,
  context: RouteContext<'/images/products/[file]'>,
): Promise<Response> {
  const { file } = await context.params;
  const slug = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.svg$/.exec(file)?.[1];
  if (!slug || slug.length > 120) return new Response('Not found', { status: 404 });
  return new Response(productArtSvg(slug), {
    headers: {
      'content-type': 'image/svg+xml; charset=utf-8',
      'cache-control': 'public, max-age=86400, stale-while-revalidate=604800',
      // An SVG opened directly must not be able to run anything.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      'x-content-type-options': 'nosniff',
    },
  });
}

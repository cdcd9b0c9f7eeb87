import { productArtSvg } from '@shop/ui';

const slugShape = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Product images for the demo catalogue, whose seed ships no files: each one is artwork drawn
 * from the URL alone, `/images/products/<slug>/<colour-slug>.svg` (`default.svg` when the
 * product has no colour) or the older `/images/products/<slug>.svg`. The same URL always draws
 * the same picture, so it is cached as immutable.
 */
export async function GET(
  _request: Request,
  context: RouteContext<'/images/products/[...path]'>,
): Promise<Response> {
  const { path } = await context.params;
  const [first, second] = path;
  const slug = path.length === 2 ? first : first?.replace(/\.svg$/, '');
  const file = path.length === 2 ? second?.replace(/\.svg$/, '') : 'default';
  if (
    !slug ||
    !file ||
    path.length > 2 ||
    !(path.at(-1) ?? '').endsWith('.svg') ||
    !slugShape.test(slug) ||
    !slugShape.test(file) ||
    slug.length > 120 ||
    file.length > 60
  ) {
    return new Response('Not found', { status: 404 });
  }
  const svg = productArtSvg(slug, {
    label: slug.replace(/-/g, ' '),
    colour: file === 'default' ? undefined : file.replace(/-/g, ' '),
  });
  return new Response(svg, {
    headers: {
      'content-type': 'image/svg+xml; charset=utf-8',
      'cache-control': 'public, max-age=31536000, immutable',
      // An SVG opened directly must not be able to run anything.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      'x-content-type-options': 'nosniff',
    },
  });
}

import 'server-only';

/**
 * The storefront's public origin, for canonical URLs, Open Graph, JSON-LD and the sitemap
 * (`STOREFRONT_PUBLIC_URL`, default http://localhost:3000 for development).
 */
export function siteUrl(): URL {
  const configured = process.env.STOREFRONT_PUBLIC_URL;
  try {
    return new URL(configured || 'http://localhost:3000');
  } catch {
    console.error(JSON.stringify({ msg: 'STOREFRONT_PUBLIC_URL is not a URL; using localhost' }));
    return new URL('http://localhost:3000');
  }
}

/** An absolute URL on the public origin. */
export function absoluteUrl(path: string): string {
  return new URL(path, siteUrl()).toString();
}

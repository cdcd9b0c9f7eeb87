import type { MetadataRoute } from 'next';
import { absoluteUrl } from '@/server/site-url';

export const dynamic = 'force-dynamic';

/**
 * Crawlers may read products and categories, but not the API, accounts, search results or the
 * endless filter/sort combinations of a listing (crawl traps; their canonical is the plain page).
 */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: '*',
      allow: '/',
      disallow: [
        '/api/',
        '/account',
        '/search',
        '/*?*sort=',
        '/*?*brand=',
        '/*?*price=',
        '/*?*rating=',
        '/*?*inStock=',
        '/*?*attr.',
        '/*?*sku=',
      ],
    },
    sitemap: absoluteUrl('/sitemap.xml'),
  };
}

import 'server-only';
import { storefrontEnv } from '@/env';

/**
 * The storefront's public origin, for canonical URLs, Open Graph, JSON-LD and the sitemap
 * (`STOREFRONT_PUBLIC_URL`; development default http://localhost:3000; required in production and
 * checked to be a URL at start, src/env.ts).
 */
export function siteUrl(): URL {
  return new URL(storefrontEnv().STOREFRONT_PUBLIC_URL ?? 'http://localhost:3000');
}

/** An absolute URL on the public origin. */
export function absoluteUrl(path: string): string {
  return new URL(path, siteUrl()).toString();
}

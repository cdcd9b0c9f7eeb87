import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

// Build-time switches (the app's own settings are read at run time through src/env.ts, which
// describes the server, not the build): SKIP_BUILD_TYPECHECK and CI.
// eslint-disable-next-line no-restricted-properties -- the build's environment, not a server setting
const buildEnvironment = process.env;

// The monorepo root: standalone output must trace files from the workspace packages too.
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

// Category URLs with listing parameters (src/lib/listing-params.ts; `attr.*` are the search cell's
// main attributes) render per request at /categories/<slug>/view; the plain /categories/<slug> is
// cached HTML. Unknown parameters change nothing on the page, so they keep the cached one.
const categoryViewParameters = [
  'brand',
  'price',
  'rating',
  'inStock',
  'sort',
  'page',
  'attr.Colour',
  'attr.Material',
  'attr.Size',
];

/**
 * Headers every answer gets, static files included; the Content-Security-Policy (a nonce per
 * request) and HSTS (https only) come from src/proxy.ts. docs/security/browser.md says why each.
 */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Pages are never framed (also frame-ancestors 'none' in the policy, for current browsers).
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  {
    key: 'Permissions-Policy',
    value:
      'accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), ' +
      'magnetometer=(), microphone=(), midi=(), serial=(), usb=(), browsing-topics=(), ' +
      'payment=(self "https://js.stripe.com")',
  },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin-allow-popups' },
];

const nextConfig: NextConfig = {
  // Workspace packages export TypeScript source; Next compiles them with the app.
  transpilePackages: [
    '@shop/ui',
    '@shop/api',
    '@shop/auth-session',
    '@shop/money',
    '@shop/env',
    '@shop/telemetry',
  ],
  output: 'standalone',
  // `pnpm test` type-checks every package (the `typecheck` task) before it builds the apps for
  // the end-to-end tests, and says so with SKIP_BUILD_TYPECHECK=1: the build then does not check
  // the same files again (half a minute per app on 2 cores). Every other build checks them.
  typescript: { ignoreBuildErrors: buildEnvironment.SKIP_BUILD_TYPECHECK === '1' },
  outputFileTracingRoot: repoRoot,
  turbopack: { root: repoRoot },
  typedRoutes: true,
  poweredByHeader: false,
  headers: async () => [{ source: '/:path*', headers: securityHeaders }],
  rewrites: async () => ({
    beforeFiles: categoryViewParameters.map((key) => ({
      source: '/categories/:slug',
      has: [{ type: 'query' as const, key }],
      destination: '/categories/:slug/view',
    })),
    afterFiles: [],
    fallback: [],
  }),
  // `pnpm dev` prints 127.0.0.1 URLs; without this, `next dev` blocks its own scripts (and so
  // hydration) for pages opened on 127.0.0.1 rather than localhost.
  allowedDevOrigins: ['127.0.0.1'],
  experimental: {
    // CI builds from a clean clone and keeps no .next/cache: writing Turbopack's build cache
    // there (about 100 MB) would only add ten seconds or more to the end of each build.
    turbopackFileSystemCacheForBuild: !buildEnvironment.CI,
    // Cached catalogue reads (server/catalogue.ts) live in each server's memory and are expired by
    // tag through /api/revalidate: nothing goes to .next/cache, so two servers of one build never
    // serve each other's entries (and a read-only root filesystem is fine).
    isrFlushToDisk: false,
  },
};

export default nextConfig;

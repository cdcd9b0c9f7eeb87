import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

// Build-time switches (the app's own settings are read at run time through src/env.ts, which
// describes the server, not the build): SKIP_BUILD_TYPECHECK and CI.
// eslint-disable-next-line no-restricted-properties -- the build's environment, not a server setting
const buildEnvironment = process.env;

// The monorepo root: standalone output must trace files from the workspace packages too.
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Headers every answer gets, static files included; the Content-Security-Policy (a nonce per
 * request) and HSTS (https only) come from src/proxy.ts. docs/security/browser.md says why each.
 */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Pages are never framed (also frame-ancestors 'none' in the policy, for current browsers).
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  {
    key: 'Permissions-Policy',
    value:
      'accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), ' +
      'magnetometer=(), microphone=(), midi=(), serial=(), usb=(), browsing-topics=(), ' +
      'payment=()',
  },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
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
  headers: async () => [
    {
      // Every path but the campaign preview frame (security/browser-policy.ts), which the
      // composer frames: it may be framed by this app only.
      source: '/((?!notifications/campaigns/preview-frame).*)',
      headers: securityHeaders,
    },
    {
      source: '/notifications/campaigns/preview-frame',
      headers: securityHeaders.map((header) =>
        header.key === 'X-Frame-Options' ? { ...header, value: 'SAMEORIGIN' } : header,
      ),
    },
  ],
  // `pnpm dev` prints 127.0.0.1 URLs; without this, `next dev` blocks its own scripts (and so
  // hydration) for pages opened on 127.0.0.1 rather than localhost.
  allowedDevOrigins: ['127.0.0.1'],
  experimental: {
    // `forbidden()` (403 with app/forbidden.tsx) for pages a staff role may not open.
    authInterrupts: true,
    // CI builds from a clean clone and keeps no .next/cache: writing Turbopack's build cache
    // there (about 100 MB) would only add ten seconds or more to the end of each build.
    turbopackFileSystemCacheForBuild: !buildEnvironment.CI,
  },
};

export default nextConfig;

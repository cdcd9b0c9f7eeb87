import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

// The monorepo root: standalone output must trace files from the workspace packages too.
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const nextConfig: NextConfig = {
  // Workspace packages export TypeScript source; Next compiles them with the app.
  transpilePackages: ['@shop/ui', '@shop/api', '@shop/auth-session', '@shop/money', '@shop/env'],
  output: 'standalone',
  outputFileTracingRoot: repoRoot,
  turbopack: { root: repoRoot },
  typedRoutes: true,
  poweredByHeader: false,
  // `pnpm dev` prints 127.0.0.1 URLs; without this, `next dev` blocks its own scripts (and so
  // hydration) for pages opened on 127.0.0.1 rather than localhost.
  allowedDevOrigins: ['127.0.0.1'],
  // `forbidden()` (403 with app/forbidden.tsx) for pages a staff role may not open.
  experimental: { authInterrupts: true },
};

export default nextConfig;

import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

// The monorepo root: standalone output must trace files from the workspace packages too.
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const nextConfig: NextConfig = {
  // Workspace packages export TypeScript source; Next compiles them with the app.
  transpilePackages: ['@shop/ui', '@shop/api'],
  output: 'standalone',
  outputFileTracingRoot: repoRoot,
  turbopack: { root: repoRoot },
  typedRoutes: true,
  poweredByHeader: false,
};

export default nextConfig;

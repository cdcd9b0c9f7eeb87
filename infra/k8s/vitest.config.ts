import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The first render loads kubernetes-models' schemas (about 1.5 s alone, several times that
    // when CI runs every package's tests at once); vitest's 5 s default failed CI once.
    testTimeout: 30_000,
    // Test files share a worker's modules: kubernetes-models, the CRD schemas and the rendered
    // overlays (cached in test/support/rendered-base.ts) load once per worker instead of once per
    // file. No test mutates a rendered object (they clone before changing one).
    isolate: false,
  },
});

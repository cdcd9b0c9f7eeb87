import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    // Config modules parse the environment once; tests change it, so changes reset them.
    setupFiles: ['@shop/env/follow-process-env'],
    // The default report, then a line counting the tests skipped for want of a real mongod.
    reporters: ['default', './test/real-mongo-skips-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    // The default report, then a line counting the tests skipped for want of a real mongod.
    reporters: ['default', './test/real-mongo-skips-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // bcrypt at its minimum allowed cost: the suites hash and compare passwords hundreds of times.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', AUTH_BCRYPT_COST: '10' },
  },
});

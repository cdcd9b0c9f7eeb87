import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // secretlint reads every file of the repository (about 3 s of CPU); on a loaded 2-core CI
    // machine the wall time is several times that.
    testTimeout: 60_000,
  },
});

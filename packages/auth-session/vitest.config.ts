import { defineConfig } from 'vitest/config';

export default defineConfig({
  // tsconfig keeps JSX for Next to compile; tests compile it themselves.
  oxc: { jsx: { runtime: 'automatic' } },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Config modules parse the environment once; tests change it, so changes reset them.
    setupFiles: ['@shop/env/follow-process-env'],
  },
});

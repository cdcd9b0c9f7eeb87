import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Shared rules for every TypeScript package. Formatting is Prettier's job, not ESLint's. */
export default tseslint.config(
  {
    ignores: [
      '**/.next/**',
      '**/dist/**',
      '**/node_modules/**',
      '**/.turbo/**',
      '**/next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['warn', { allow: ['warn', 'error'] }],
      // Each process reads its environment in one config module, checked once at start (a bad or
      // missing variable stops it with one message listing every problem): docs/architecture.md,
      // "Configuration".
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message:
            "Read settings through the process's config module (e.g. hostConfig() in @shop/api/config, src/env.ts in an app), not process.env.",
        },
      ],
    },
  },
  {
    // The config modules themselves, and tests and test tooling, which set up environments.
    files: [
      '**/config.ts',
      '**/config/*.ts',
      '**/env.ts',
      // Next's start-up hook, which must branch on NEXT_RUNTIME before importing src/env.ts.
      '**/instrumentation.ts',
      '**/define-config.ts',
      '**/follow-process-env.ts',
      '**/testing/*.ts',
      '**/*.test.ts',
      '**/*.test.tsx',
      '**/test/**',
      '**/tests/**',
      '**/vitest.config.ts',
      '**/playwright.config.ts',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  prettier,
);

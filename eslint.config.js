import base from '@shop/eslint-config/base';

// Root-level files only; every workspace package lints itself through turbo.
export default [
  { ignores: ['apps/**', 'packages/**', 'tooling/**', 'infra/**', 'e2e/**'] },
  ...base,
  // Benchmarks start stacks and hosts through their environment, as tests do.
  { files: ['bench/**'], rules: { 'no-restricted-properties': 'off' } },
];

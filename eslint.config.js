import base from '@shop/eslint-config/base';

// Root-level files only; every workspace package lints itself through turbo.
export default [
  { ignores: ['apps/**', 'packages/**', 'tooling/**', 'infra/**', 'e2e/**'] },
  ...base,
];

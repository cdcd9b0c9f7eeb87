import base from '@shop/eslint-config/base';

export default [
  ...base,
  // Benchmarks start stacks and hosts through their environment, as tests do.
  { rules: { 'no-restricted-properties': 'off' } },
];

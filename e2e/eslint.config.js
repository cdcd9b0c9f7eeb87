import base from '@shop/eslint-config/base';

export default [
  ...base,
  // End-to-end tests start apps and read the stack's ports through the environment.
  { rules: { 'no-restricted-properties': 'off' } },
];

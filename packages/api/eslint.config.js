import base from '@shop/eslint-config/base';

export default [
  ...base,
  {
    rules: {
      // `import { type X }` still imports the module for its side effects under
      // verbatimModuleSyntax: that would pull server code into `@shop/api/client` bundles.
      '@typescript-eslint/no-import-type-side-effects': 'error',
    },
  },
];

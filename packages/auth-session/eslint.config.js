import nextjs from '@shop/eslint-config/nextjs';

export default [
  // Next's and the React hooks rules too: the client components here run in the apps' Next builds.
  ...nextjs,
  // A library has no pages directory for this rule to look at (and the apps use the App Router).
  { rules: { '@next/next/no-html-link-for-pages': 'off' } },
];

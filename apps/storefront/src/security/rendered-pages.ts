/**
 * The pages Next renders per request, in the route names of the build's
 * app-path-routes-manifest: they get the nonce policy. Every other page is served from the page
 * cache (the product and plain category pages, ISR; forgot-password, static) or is
 * the static 404 of an unknown path, none of which can carry a per-request nonce, so they get the
 * cached-page policy. e2e/tests/security.headers.storefront.spec.ts checks this list against the
 * build: a new per-request page missing here, or a cached one listed, fails it.
 */
export const renderedPageRoutes = [
  '/',
  '/account',
  '/account/addresses',
  '/account/orders',
  '/account/orders/[orderId]',
  '/account/preferences',
  '/account/security',
  // Per request since its tax labels come from the order cell, which no build can reach.
  '/cart',
  '/cart/restore',
  '/categories/[slug]/view',
  '/checkout',
  '/checkout/confirmation/[orderId]',
  '/checkout/pay/[orderId]',
  '/collections/[handle]',
  '/newsletter/confirm',
  '/orders/cancel',
  '/orders/track',
  '/orders/track/[orderId]',
  '/products',
  '/reset-password',
  // The emailed review request link (reads its token per request).
  '/review',
  '/search',
  '/sign-in',
  '/sign-up',
  '/unsubscribe',
  '/verify-email',
] as const;

import { describe, expect, it } from 'vitest';
import { storefrontPolicyKind } from './browser-policy';

describe('the storefront’s policy per path', () => {
  it('gives pages rendered per request the nonce policy', () => {
    for (const path of [
      '/',
      '/checkout',
      '/checkout/pay/6751f0c2a1b2c3d4e5f60718',
      '/account/orders/abc',
      '/search',
      '/sign-in',
      '/categories/kitchen/view',
      '/cart',
      '/collections/summer-sale',
    ]) {
      expect(storefrontPolicyKind(path), path).toBe('rendered-page');
    }
  });

  it('gives cached pages and unknown paths (the static 404) the cached-page policy', () => {
    for (const path of [
      '/products/kite-speckled-mug',
      '/categories/kitchen',
      '/forgot-password',
      '/no-such-page',
      '/products/a/b',
      '/api/auth/signout',
    ]) {
      expect(storefrontPolicyKind(path), path).toBe('cached-page');
    }
  });

  it('gives JSON, images and probes the data policy', () => {
    for (const path of [
      '/api/cells/order/order.cart',
      '/api/revalidate',
      '/api/csp-report',
      '/healthz',
      '/images/products/mug/blue.svg',
      '/robots.txt',
      '/sitemap.xml',
      '/unsubscribe/one-click',
    ]) {
      expect(storefrontPolicyKind(path), path).toBe('data');
    }
  });
});

'use client';

import { usePathname } from 'next/navigation';
import { useEffect } from 'react';
import { flushEvents, trackEvent } from '@/browser/tracking/tracker-queue';

const flushEveryMs = 10_000;
/** The checkout's numbered sections (`checkout-form.tsx`: `aria-labelledby="checkout-step-N"`). */
const checkoutSteps = ['address', 'shipping', 'payment', 'review'] as const;

/** The checkout step whose section holds the element, if any. */
function checkoutStepOf(target: EventTarget | null) {
  if (!(target instanceof Element) || window.location.pathname !== '/checkout') return null;
  const section = target.closest('section[aria-labelledby^="checkout-step-"]');
  const number = Number(section?.getAttribute('aria-labelledby')?.slice('checkout-step-'.length));
  return checkoutSteps[number - 1] ?? null;
}
const productPath = /^\/products\/([A-Za-z0-9_.:-]{1,64})$/;

/** The product a search result link leads to, and its position among the page's results. */
function searchResultClick(target: EventTarget | null) {
  if (!(target instanceof Element) || window.location.pathname !== '/search') return null;
  const link = target.closest('a[href^="/products/"]');
  const query = new URL(window.location.href).searchParams.get('q')?.trim().slice(0, 100);
  if (!link || !query) return null;
  const slug = productPath.exec(
    new URL(link.getAttribute('href') ?? '', window.location.href).pathname,
  )?.[1];
  if (!slug) return null;
  const results = [...document.querySelectorAll('main a[href^="/products/"]')];
  const distinct = [...new Set(results.map((result) => result.getAttribute('href')))];
  const position = Math.max(1, distinct.indexOf(link.getAttribute('href')) + 1);
  return { query, productId: slug, position };
}

/**
 * First-party analytics of the storefront: page and product views by path, checkout starts and
 * steps, and clicks on search results (both by event delegation, so those pages need no changes). Events are
 * batched and sent to the storefront's own `/api/events` every 10 s and when the page is hidden.
 * Renders nothing.
 */
export function PageTracker() {
  const pathname = usePathname();

  useEffect(() => {
    // Each checkout step once per visit of the page: when the shopper first enters its section.
    const reached = new Set<string>();
    const onFocus = (event: FocusEvent) => {
      const step = checkoutStepOf(event.target);
      if (!step || reached.has(step)) return;
      reached.add(step);
      trackEvent({ kind: 'checkout_step', step });
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, [pathname]);

  useEffect(() => {
    trackEvent({ kind: 'page_viewed', path: pathname });
    const product = productPath.exec(pathname)?.[1];
    if (product) trackEvent({ kind: 'product_viewed', path: pathname, productId: product });
    if (pathname === '/checkout') trackEvent({ kind: 'checkout_started' });
  }, [pathname]);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const click = searchResultClick(event.target);
      if (click) trackEvent({ kind: 'search_result_clicked', ...click });
    };
    const onHide = () => {
      if (document.visibilityState === 'hidden') flushEvents();
    };
    const timer = window.setInterval(flushEvents, flushEveryMs);
    document.addEventListener('click', onClick, { capture: true });
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', flushEvents);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('click', onClick, { capture: true });
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', flushEvents);
    };
  }, []);

  return null;
}

import { TokenBucketRateLimiter } from '@shop/api/gateway';

/**
 * Two buckets per batch: one per browser at its address (a tracker sends a batch every 10 s and
 * on leaving a page, so 10 at once and one every 2 s is generous), and a looser one per address,
 * so shoppers sharing an office or a phone network's address keep sending while one browser
 * that floods (or rotates its ids) is refused. In memory per storefront instance, like the
 * gateway's limiter.
 */
const perBrowser = new TokenBucketRateLimiter({ burst: 10, perSecond: 0.5 });
const perAddress = new TokenBucketRateLimiter({ burst: 300, perSecond: 30 });

/** Seconds to wait before sending again, or 0 when this batch may be sent now. */
export function throttledFor(clientAddress: string, anonymousId: string): number {
  const browser = perBrowser.take(`${clientAddress} ${anonymousId}`);
  if (!browser.allowed) return browser.retryAfterSeconds;
  const address = perAddress.take(clientAddress);
  return address.allowed ? 0 : address.retryAfterSeconds;
}

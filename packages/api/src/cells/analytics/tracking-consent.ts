import type { AnalyticsConsentMode } from '@shop/db/analytics';

/** What the shopper's browser said about tracking, as the storefront read it from the request. */
export interface ConsentSignals {
  /** Global Privacy Control: the `Sec-GPC: 1` request header. */
  gpc: boolean;
  /** The shopper's own choice (the `shop_analytics_consent` cookie); `unset` when never asked. */
  consent: 'granted' | 'denied' | 'unset';
}

/**
 * Whether an event may carry the signed-in shopper's account id. GPC is a refusal whatever the
 * store's mode; `opt-in` needs an explicit yes, `opt-out` anything but an explicit no. Without it
 * only the random anonymous id is stored, which names a browser, not a person.
 */
export function mayIdentify(mode: AnalyticsConsentMode, signals: ConsentSignals): boolean {
  if (signals.gpc || mode === 'never') return false;
  if (mode === 'opt-in') return signals.consent === 'granted';
  return signals.consent !== 'denied';
}

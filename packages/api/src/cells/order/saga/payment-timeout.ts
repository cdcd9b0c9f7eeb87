import { hostConfig } from '../../../config/host';

/**
 * How long the saga waits for a card payment, as an Inngest duration: `ORDER_PAYMENT_TIMEOUT`,
 * checked and normalised when the host starts (config/host.ts: `600` becomes `600s`; default
 * 10 minutes, below the 15 minute stock hold so an order is cancelled, and its stock released,
 * before its reservation could lapse).
 */
export function orderPaymentTimeout(): string {
  return hostConfig().ORDER_PAYMENT_TIMEOUT;
}

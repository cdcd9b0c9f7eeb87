import { hostEnv } from '../../../config/host';
/**
 * How long the saga waits for a card payment: `ORDER_PAYMENT_TIMEOUT` as an Inngest duration
 * (`10m`, `45s`, `1h`) or a number of seconds; default 10 minutes, below the 15 minute stock hold
 * so an order is cancelled (and its stock released) before its reservation could lapse.
 */
export function orderPaymentTimeout(env: NodeJS.ProcessEnv = hostEnv()): string {
  const configured = env.ORDER_PAYMENT_TIMEOUT?.trim();
  if (configured && /^\d+(s|m|h)$/.test(configured)) return configured;
  if (configured && /^\d+$/.test(configured) && Number(configured) > 0) return `${configured}s`;
  return '10m';
}

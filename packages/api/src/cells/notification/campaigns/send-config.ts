import { hostConfig } from '../../../config/host';

/**
 * Campaign sending settings, from the host's configuration (config/host.ts checks them at start,
 * naming a bad variable without its value). CAMPAIGN_SEND_RATE: emails per second a campaign may
 * send (default 10, the demo's; 1 to 10,000).
 */
export function campaignSendConfig(): { CAMPAIGN_SEND_RATE: number } {
  return { CAMPAIGN_SEND_RATE: hostConfig().CAMPAIGN_SEND_RATE };
}

/**
 * Recipients per batch (one durable step): about two seconds of sending, so a pause takes effect
 * within about two seconds, and at least 10 / at most 500 so a step stays small.
 */
export function campaignBatchSize(rate: number): number {
  return Math.min(500, Math.max(10, rate * 2));
}

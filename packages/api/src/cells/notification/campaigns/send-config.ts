import { defineConfig, envValue } from '@shop/env';
import { z } from 'zod';

/**
 * Campaign sending settings. CAMPAIGN_SEND_RATE: emails per second a campaign may send (default
 * 10, the demo's; a provider's contract sets the real one). A bad value stops the send with the
 * variable named, never its value.
 */
export const campaignSendConfig = defineConfig({
  processName: 'cell host (notification campaigns)',
  schema: z.object({ CAMPAIGN_SEND_RATE: envValue.integer(10, 1, 10_000) }),
  // Its own accessor, parsed on first use, because hostShape (config/host.ts) is not this cell's file.
  // eslint-disable-next-line no-restricted-properties -- a config module, like config/host.ts
  source: () => process.env,
});

/**
 * Recipients per batch (one durable step): about two seconds of sending, so a pause takes effect
 * within about two seconds, and at least 10 / at most 500 so a step stays small.
 */
export function campaignBatchSize(rate: number): number {
  return Math.min(500, Math.max(10, rate * 2));
}

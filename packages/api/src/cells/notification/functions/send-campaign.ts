import { NonRetriableError } from 'inngest';
import { inngestFor } from '../../../events/inngest-client';
import { campaignSendRequested } from '../campaigns/events';
import { sendCampaignBatch } from '../campaigns/send-batch';
import { pauseAfterFailure, startSending } from '../campaigns/send-start';

/**
 * Batches per run. The engine allows 1,000 steps per run, and every step replays the run's state,
 * so a run sends this many batches and hands on to a fresh run (the same event) for the rest.
 */
export const campaignBatchesPerRun = 100;

export const waitForSendAtStepId = 'wait-for-send-at';
export const startSendingStepId = 'start';
export const sendBatchStepId = 'batch';
export const pauseAfterFailureStepId = 'pause-after-failure';
export const handOnStepId = 'hand-on';

/**
 * Sends a campaign: sleeps until its `sendAt` (a reschedule or cancel bumps the generation, so a
 * superseded run wakes up and ends), then one durable step per batch (campaigns/send-batch.ts:
 * claim, send, record; exactly once per recipient), throttled to CAMPAIGN_SEND_RATE. Pause stops
 * before the next batch; resume starts a new run from the stored cursor; cancel stops for good.
 */
export const sendCampaign = inngestFor('notification').createFunction(
  { id: 'send-campaign', retries: 5, triggers: [campaignSendRequested] },
  async ({ event, step }) => {
    const { campaignId, generation, sendAt } = event.data;
    if (sendAt) await step.sleepUntil(waitForSendAtStepId, sendAt);
    const start = await step.run(startSendingStepId, () => startSending(campaignId, generation));
    if (!start.go) return { outcome: start.reason };
    for (let batch = 0; batch < campaignBatchesPerRun; batch += 1) {
      let result;
      try {
        result = await step.run(sendBatchStepId, () => sendCampaignBatch(campaignId, generation));
      } catch (error) {
        const reason = error instanceof Error ? error.message : 'a batch failed';
        await step.run(pauseAfterFailureStepId, () =>
          pauseAfterFailure(campaignId, generation, reason),
        );
        throw new NonRetriableError(`campaign ${campaignId} paused: ${reason}`);
      }
      if (result.state !== 'more') return { outcome: result.reason ?? result.state };
    }
    await step.sendEvent(handOnStepId, {
      name: campaignSendRequested.name,
      data: { campaignId, generation },
    });
    return { outcome: 'handed-on' };
  },
);

import { eventType } from 'inngest';
import { z } from 'zod';
import { objectIdTextPattern } from '../../../ids/object-id-text';

/**
 * Staff scheduled, sent now or resumed a campaign (or a send run reached its step budget and
 * hands on): the `send-campaign` function sleeps until `sendAt`, then sends batch by batch while
 * the campaign is `sending` and still at `generation` (every schedule, send-now and resume bumps
 * it, so an older run that wakes up or finishes a batch stops instead of sending alongside).
 */
export const campaignSendRequested = eventType('notification/campaign.send-requested', {
  schema: z.object({
    campaignId: z.string().regex(objectIdTextPattern),
    generation: z.number().int().min(1),
    /** ISO 8601; absent or past: now. */
    sendAt: z.iso.datetime().optional(),
  }),
});

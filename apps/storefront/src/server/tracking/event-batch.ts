import { z } from 'zod';

/** The largest body `/api/events` reads: 50 events of a few hundred bytes each, with room. */
export const maxBatchBytes = 32 * 1024;
export const maxBatchEvents = 50;

const trackedKinds = [
  'session_started',
  'page_viewed',
  'product_viewed',
  'search_result_clicked',
  'cart_item_added',
  'cart_item_removed',
  'checkout_started',
  'checkout_step',
  'review_written',
] as const;

/**
 * The envelope the storefront's tracker sends. The route checks its shape and limits before
 * calling the analytics cell, which checks every event's fields again (`analytics.ingestEvents`).
 */
export const browserEventBatch = z
  .object({
    anonymousId: z.string().min(8).max(64),
    sessionId: z.string().min(8).max(64),
    device: z.enum(['mobile', 'tablet', 'desktop']),
    source: z.enum(['direct', 'search', 'social', 'email', 'campaign', 'referral']),
    events: z
      .array(
        z
          .object({
            id: z.string().min(8).max(64),
            kind: z.enum(trackedKinds),
            at: z.number().int().positive(),
          })
          .passthrough(),
      )
      .min(1, 'a batch holds at least one event')
      .max(maxBatchEvents, `a batch holds at most ${maxBatchEvents} events`),
  })
  .strict();
export type BrowserEventBatch = z.infer<typeof browserEventBatch>;

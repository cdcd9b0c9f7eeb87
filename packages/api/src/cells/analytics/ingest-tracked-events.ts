import { derivedObjectId, isDuplicateKeyError } from '@shop/db/claims';
import type { TrackedEvent } from '@shop/db/analytics';
import { TRPCError } from '@trpc/server';
import { productViews } from '../../observability/business-metrics';
import { storeAnalyticsSettings } from './analytics-settings';
import { analyticsDatabase } from './database';
import type { IngestEventsInput, TrackedEventInput } from './inputs';
import { mayIdentify } from './tracking-consent';

/** A browser clock a little ahead is normal; more is a wrong clock or a forged batch. */
export const allowedClockSkewMs = 5 * 60 * 1000;
/** Older events are noise (a laptop closed for a week), and their day's reports were read. */
export const oldestAcceptedMs = 7 * 24 * 60 * 60 * 1000;

export interface IngestResult {
  accepted: number;
  duplicates: number;
}

/** The fields of one event kind beyond the common ones, as stored. */
function detailsOf(event: TrackedEventInput): Partial<TrackedEvent> {
  switch (event.kind) {
    case 'session_started':
      return {
        path: event.landingPath,
        properties: {
          ...(event.referrerHost ? { referrerHost: event.referrerHost } : {}),
          ...(event.utm ? { utm: event.utm } : {}),
        },
      };
    case 'page_viewed':
      return { path: event.path };
    case 'product_viewed':
      return { path: event.path, productId: event.productId };
    case 'search_result_clicked':
      return {
        productId: event.productId,
        query: event.query.toLocaleLowerCase('en'),
        properties: { position: event.position },
      };
    case 'cart_item_added':
      return {
        productId: event.productId,
        properties: {
          quantity: event.quantity,
          ...(event.unitPriceMinor !== undefined && event.currency
            ? { unitPriceMinor: event.unitPriceMinor, currency: event.currency }
            : {}),
        },
      };
    case 'cart_item_removed':
      return { productId: event.productId, properties: { quantity: event.quantity } };
    case 'checkout_step':
      return { properties: { step: event.step } };
    case 'review_written':
      return { productId: event.productId };
    case 'checkout_started':
      return {};
  }
}

/** Refuses a batch holding an event from the future or from long ago (400, naming it). */
function refuseOutOfRange(events: TrackedEventInput[], nowMs: number): void {
  const future = events.find((event) => event.at > nowMs + allowedClockSkewMs);
  if (future) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `Event ${future.id} is dated in the future`,
    });
  }
  const stale = events.find((event) => event.at < nowMs - oldestAcceptedMs);
  if (stale) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `Event ${stale.id} is more than 7 days old`,
    });
  }
}

/**
 * Stores one browser batch with a single `insertMany` (one round trip, no workflow run per
 * page view). Each event's `_id` is derived from the browser and its own id, so a replayed or
 * retried batch inserts nothing again: duplicates are counted, not errors.
 */
export async function ingestTrackedEvents(
  batch: IngestEventsInput,
  signedInAccountId: string | undefined,
  nowMs = Date.now(),
): Promise<IngestResult> {
  refuseOutOfRange(batch.events, nowMs);
  const settings = await storeAnalyticsSettings();
  const accountId =
    signedInAccountId && mayIdentify(settings.consentMode, batch.signals)
      ? signedInAccountId
      : undefined;
  const receivedAt = new Date(nowMs);
  const documents = [...new Map(batch.events.map((event) => [event.id, event])).values()].map(
    (event) => ({
      _id: derivedObjectId('tracked-event', batch.anonymousId, event.id),
      kind: event.kind,
      occurredAt: new Date(event.at),
      receivedAt,
      anonymousId: batch.anonymousId,
      sessionId: batch.sessionId,
      device: batch.device,
      trafficSource: batch.source,
      ...(accountId ? { accountId } : {}),
      properties: {},
      ...detailsOf(event),
    }),
  );
  const { TrackedEvent } = await analyticsDatabase.models();
  try {
    const inserted = await TrackedEvent.insertMany(documents, { ordered: false, lean: true });
    productViews.inc(inserted.filter((event) => event.kind === 'product_viewed').length);
    return { accepted: inserted.length, duplicates: batch.events.length - inserted.length };
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    // ordered: false inserts every other document; the driver's error counts what was inserted.
    const insertedCount =
      (error as { result?: { insertedCount?: number } }).result?.insertedCount ?? 0;
    return { accepted: insertedCount, duplicates: batch.events.length - insertedCount };
  }
}

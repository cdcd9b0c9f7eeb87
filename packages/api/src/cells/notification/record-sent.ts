import type { Types } from 'mongoose';
import { markSent } from './message-records';

/** Pauses between attempts: with the driver's 5 s server selection, about 25 s in all. */
const pausesMs = [1_000, 2_000, 4_000];

/** The record still says `queued` although SMTP accepted the email. */
export class SentButNotRecordedError extends Error {
  override name = 'SentButNotRecordedError';
}

/**
 * Marks a message sent after SMTP accepted it, trying again through a short database outage:
 * until this succeeds, the record says `queued` and, once its send lease runs out, another attempt
 * would send the email a second time. Throws `SentButNotRecordedError` (the step is retried; the
 * lease still holds the message for a while) when the database stays unreachable.
 */
export async function recordSent(
  id: Types.ObjectId,
  providerMessageId: string | undefined,
  providerResponse: string | undefined,
  pauses: readonly number[] = pausesMs,
): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await markSent(id, providerMessageId, providerResponse);
      return;
    } catch (error) {
      const pause = pauses[attempt];
      if (pause === undefined) {
        throw new SentButNotRecordedError(
          `message ${id.toString()} was accepted by SMTP but could not be recorded as sent`,
          { cause: error },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

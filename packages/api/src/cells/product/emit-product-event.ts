import type { EventType } from 'inngest';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { sendEvent } from '../../events/inngest-client';

type AnyEventSchema = z.ZodType<Record<string, unknown>, Record<string, unknown>>;

/**
 * Sends a product event after the write it describes succeeded. A failed send is logged, not
 * thrown: the write stands, and the search cell's periodic reconciliation repairs what it missed.
 */
export async function emitProductEvent<TName extends string, TSchema extends AnyEventSchema>(
  logger: Pick<Logger, 'warn'>,
  event: EventType<TName, TSchema>,
  data: z.input<TSchema>,
): Promise<void> {
  try {
    await sendEvent('product', event, data);
  } catch (error) {
    logger.warn({ err: error, event: event.name }, 'product event not sent');
  }
}

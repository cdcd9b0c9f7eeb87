import type { HandlerArgs } from '../../../trpc/context';
import type { IngestEventsInput } from '../inputs';
import { ingestTrackedEvents, type IngestResult } from '../ingest-tracked-events';

/**
 * One browser batch from the storefront's `/api/events` route. The signed-in shopper's account id
 * comes from the access token the route forwards, never from the batch, and is kept only when
 * consent allows (`tracking-consent.ts`).
 */
export async function ingestEvents({
  ctx,
  input,
}: HandlerArgs<IngestEventsInput>): Promise<IngestResult> {
  const accountId = ctx.identity && !ctx.identity.service ? ctx.identity.accountId : undefined;
  return ingestTrackedEvents(input, accountId);
}

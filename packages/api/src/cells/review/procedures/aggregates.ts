import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
import type { RecomputeAggregatesInput } from '../inputs';
import { recomputeAggregates as recompute, type RecomputeOutcome } from '../rating-recompute';

/**
 * `review.recomputeAggregates` (reviews:moderate): repairs the rating aggregates of one product
 * or of all of them from their reviews; idempotent (see `rating-recompute.ts`).
 */
export function recomputeAggregates({
  input,
  ctx,
}: HandlerArgs<RecomputeAggregatesInput, SignedInContext>): Promise<RecomputeOutcome> {
  return recompute(ctx.logger, input.productSlug);
}

import type { StaffArgs } from '../../../trpc/context';
import type { RecomputeAggregatesInput } from '../inputs';
import { recomputeAggregates as recompute, type RecomputeOutcome } from '../rating-recompute';

/**
 * `review.recomputeAggregates` (reviews:moderate): repairs the rating aggregates of one product
 * or of all of them from their reviews; idempotent (see `rating-recompute.ts`).
 */
export async function recomputeAggregates({
  input,
  ctx,
}: StaffArgs<RecomputeAggregatesInput>): Promise<RecomputeOutcome> {
  const outcome = await recompute(ctx.logger, input.productSlug);
  // A repair: the audit log says which aggregates it checked and how many it had to correct.
  const scope = input.productSlug ?? 'every product';
  ctx.audit.record({
    object: { type: 'rating-aggregate', id: scope },
    before: { scope },
    after: { scope, ...outcome },
  });
  return outcome;
}

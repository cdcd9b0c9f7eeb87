import { TRPCError } from '@trpc/server';
import type { HandlerArgs, SignedInContext, StaffArgs } from '../../../trpc/context';
import { pageWindow } from '../../../trpc/pagination';
import { notificationDatabase } from '../database';
import type { ListSuppressionsInput, RemoveSuppressionInput } from '../inputs';
import { toSuppressionView, type StoredSuppression, type SuppressionPage } from '../views';

/** Staff: addresses that get no marketing mail (hard bounces, complaints), newest first. */
export async function listSuppressions({
  ctx,
  input,
}: HandlerArgs<ListSuppressionsInput, SignedInContext>): Promise<SuppressionPage> {
  ctx.logger.info({ staffAccountId: ctx.identity.accountId }, 'suppression list read');
  const { Suppression } = await notificationDatabase.models();
  const filter = input.email ? { email: input.email.trim().toLowerCase() } : {};
  const { skip, limit } = pageWindow(input.page, input.pageSize);
  const [items, totalCount] = await Promise.all([
    Suppression.find(filter)
      .sort({ suppressedAt: -1, _id: -1 })
      .skip(skip)
      .limit(limit)
      .lean<StoredSuppression[]>(),
    Suppression.countDocuments(filter),
  ]);
  return {
    items: items.map(toSuppressionView),
    page: input.page,
    pageSize: input.pageSize,
    totalCount,
    hasMore: skip + items.length < totalCount,
  };
}

/**
 * Staff: lift a suppression (the address was mistyped in a report, or the owner fixed their
 * mailbox). Marketing still needs the address's own consent. Audited with what was removed.
 */
export async function removeSuppression({ ctx, input }: StaffArgs<RemoveSuppressionInput>) {
  const { Suppression } = await notificationDatabase.models();
  const removed = await Suppression.findOneAndDelete({
    email: input.email.trim().toLowerCase(),
  }).lean<StoredSuppression>();
  if (!removed)
    throw new TRPCError({ code: 'NOT_FOUND', message: 'This address is not suppressed.' });
  const view = toSuppressionView(removed);
  ctx.audit.record({
    object: { type: 'suppression', id: view.id },
    before: {
      email: view.email,
      reason: view.reason,
      source: view.source,
      suppressedAt: view.suppressedAt,
    },
    after: null,
  });
  return { removed: true as const };
}

import type { StaffAlertKind } from '@shop/db/notification';
import { TRPCError } from '@trpc/server';
import type { Types } from 'mongoose';
import { staffRoles } from '../../../identity/permissions';
import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
import { pageWindow } from '../../../trpc/pagination';
import { notificationDatabase } from '../database';
import type { ListAlertsInput, MarkAlertsReadInput, SetAlertSubscriptionInput } from '../inputs';
import type { StaffAlertPage, StaffAlertView } from '../views';

type SignedIn<Input = undefined> = HandlerArgs<Input, SignedInContext>;

/**
 * Alerts are for every staff role (a catalog manager needs low stock, support a failed refund),
 * so there is no permission for them: the caller must hold a staff role. Read state is theirs.
 */
function staffAccountOf(ctx: SignedInContext): string {
  const isStaff = ctx.identity.roles.some((role) =>
    (staffRoles as readonly string[]).includes(role),
  );
  if (!isStaff || ctx.identity.service) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Staff alerts are for staff accounts' });
  }
  return ctx.identity.accountId;
}

async function unreadCountFor(accountId: string): Promise<number> {
  const { StaffAlert } = await notificationDatabase.models();
  return StaffAlert.countDocuments({ readBy: { $ne: accountId } });
}

/** The alerts, newest first, each marked read or unread for the caller, and their unread count. */
export async function listAlerts({
  ctx,
  input,
}: SignedIn<ListAlertsInput>): Promise<StaffAlertPage> {
  const accountId = staffAccountOf(ctx);
  const { StaffAlert } = await notificationDatabase.models();
  const filter = input.unreadOnly ? { readBy: { $ne: accountId } } : {};
  const { skip, limit } = pageWindow(input.page, input.pageSize);
  const [rows, totalCount, unreadCount] = await Promise.all([
    StaffAlert.find(filter).sort({ createdAt: -1, _id: -1 }).skip(skip).limit(limit).lean(),
    StaffAlert.countDocuments(filter),
    unreadCountFor(accountId),
  ]);
  const items: StaffAlertView[] = rows.map((alert) => ({
    id: (alert._id as Types.ObjectId).toString(),
    kind: alert.kind as StaffAlertKind,
    title: alert.title,
    detail: alert.detail ?? '',
    href: alert.href ?? null,
    createdAt: alert.createdAt.toISOString(),
    read: alert.readBy.includes(accountId),
  }));
  return {
    items,
    page: input.page,
    pageSize: input.pageSize,
    totalCount,
    hasMore: skip + rows.length < totalCount,
    unreadCount,
  };
}

/** The caller's unread alerts, for the badge beside "Notifications". */
export async function unreadAlertCount({ ctx }: SignedIn): Promise<{ unread: number }> {
  return { unread: await unreadCountFor(staffAccountOf(ctx)) };
}

/** Marks alerts read for the caller (twice is harmless); answers the unread count left. */
export async function markAlertsRead({
  ctx,
  input,
}: SignedIn<MarkAlertsReadInput>): Promise<{ unread: number }> {
  const accountId = staffAccountOf(ctx);
  const { StaffAlert } = await notificationDatabase.models();
  await StaffAlert.updateMany(input.all ? {} : { _id: { $in: input.ids } }, {
    $addToSet: { readBy: accountId },
  });
  return { unread: await unreadCountFor(accountId) };
}

/** The alert kinds the caller also gets by email. */
export async function alertSubscription({ ctx }: SignedIn): Promise<{ kinds: StaffAlertKind[] }> {
  const accountId = staffAccountOf(ctx);
  const { AlertSubscription } = await notificationDatabase.models();
  const found = await AlertSubscription.findOne({ accountId }).lean();
  return { kinds: (found?.kinds ?? []) as StaffAlertKind[] };
}

/** Chooses the kinds to get by email, at the caller's sign-in address. */
export async function setAlertSubscription({
  ctx,
  input,
}: SignedIn<SetAlertSubscriptionInput>): Promise<{ kinds: StaffAlertKind[] }> {
  const accountId = staffAccountOf(ctx);
  const { AlertSubscription } = await notificationDatabase.models();
  const kinds = [...new Set(input.kinds)];
  await AlertSubscription.updateOne(
    { accountId },
    { $set: { kinds, email: ctx.identity.email } },
    { upsert: true, runValidators: true },
  );
  ctx.logger.info({ staffAccountId: accountId, kinds }, 'alert subscription changed');
  return { kinds };
}

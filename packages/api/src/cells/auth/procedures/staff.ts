import { TRPCError } from '@trpc/server';
import { Types } from 'mongoose';
import { staffRoles } from '../../../identity/permissions';
import type { HandlerArgs, SignedInContext, StaffArgs } from '../../../trpc/context';
import { pageWindow } from '../../../trpc/pagination';
import { authDatabase } from '../database';
import type { ListStaffInput, SetRolesInput } from '../inputs';
import * as signingKeys from '../signing-keys';
import { accountView, type AccountView, type RotatedSigningKey, type StaffPage } from '../views';

/** Accounts holding at least one staff role, by email. */
export async function listStaff({
  input,
}: HandlerArgs<ListStaffInput, SignedInContext>): Promise<StaffPage> {
  const { Account } = await authDatabase.models();
  const filter = { roles: { $in: [...staffRoles] }, deletedAt: null };
  const { skip, limit } = pageWindow(input?.page ?? 1, input?.pageSize ?? 24);
  const [accounts, total] = await Promise.all([
    Account.find(filter).sort({ email: 1 }).skip(skip).limit(limit).lean(),
    Account.countDocuments(filter),
  ]);
  return { items: accounts.map(accountView), total };
}

/**
 * Replaces an account's roles. An admin cannot take the admin role from themselves (the last
 * way back in). Takes effect at the account's next token (at most 5 minutes for staff, 15 for a customer).
 */
export async function setRoles({ input, ctx }: StaffArgs<SetRolesInput>): Promise<AccountView> {
  if (input.accountId === ctx.identity.accountId && !input.roles.includes('admin')) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'You cannot remove your own admin role',
    });
  }
  const { Account } = await authDatabase.models();
  const previous = await Account.findOneAndUpdate(
    { _id: new Types.ObjectId(input.accountId), deletedAt: null },
    { $set: { roles: input.roles } },
    { returnDocument: 'before' },
  ).lean();
  if (!previous) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such account' });
  const updated = { ...previous, roles: input.roles };
  ctx.audit.record({
    object: { type: 'account', id: input.accountId },
    before: { email: previous.email, roles: previous.roles },
    after: { email: previous.email, roles: input.roles },
  });
  ctx.logger.info(
    { accountId: input.accountId, roles: input.roles, by: ctx.identity.accountId },
    'roles changed',
  );
  return accountView(updated);
}

/**
 * Starts a new signing key (it signs once every replica publishes it, about a minute later);
 * the old key stays published until the tokens it signed have expired.
 */
export async function rotateSigningKey({ ctx }: StaffArgs): Promise<RotatedSigningKey> {
  const { SigningKey } = await authDatabase.models();
  // The audit log names the keys (ids only, never key material) that signed before the rotation.
  const signing = await SigningKey.find({ retiredAt: null }, { _id: 0, kid: 1 }).lean();
  const { kid, activatesAt } = await signingKeys.rotateSigningKey();
  ctx.logger.warn({ kid, activatesAt, by: ctx.identity.accountId }, 'signing key rotated');
  ctx.audit.record({
    object: { type: 'signing-key', id: kid },
    before: { signingKeyIds: signing.map((key) => key.kid) },
    after: { signingKeyIds: [kid], activatesAt: activatesAt.toISOString() },
  });
  return { kid, activatesAt: activatesAt.toISOString() };
}

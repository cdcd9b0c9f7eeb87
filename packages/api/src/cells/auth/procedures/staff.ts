import { TRPCError } from '@trpc/server';
import { Types } from 'mongoose';
import { z } from 'zod';
import { roles, staffRoles, type Role } from '../../identity/permissions';
import { permissionProcedure } from '../../trpc/procedures';
import { paginationInput, pageWindow } from '../../trpc/pagination';
import { accountView, type AccountView } from './account-view';
import { authDatabase } from './database';
import { rotateSigningKey } from './signing-keys';

const manageAccounts = permissionProcedure('accounts:manage');

const accountIdInput = z
  .string()
  .refine((value) => Types.ObjectId.isValid(value) && /^[0-9a-f]{24}$/i.test(value), {
    message: 'Not an account id',
  });

export const staffProcedures = {
  /** Accounts holding at least one staff role, by email. */
  listStaff: manageAccounts
    .input(z.object(paginationInput).optional())
    .query(async ({ input }): Promise<{ items: AccountView[]; total: number }> => {
      const { Account } = await authDatabase.models();
      const filter = { roles: { $in: [...staffRoles] }, deletedAt: null };
      const { skip, limit } = pageWindow(input?.page ?? 1, input?.pageSize ?? 24);
      const [accounts, total] = await Promise.all([
        Account.find(filter).sort({ email: 1 }).skip(skip).limit(limit).lean(),
        Account.countDocuments(filter),
      ]);
      return { items: accounts.map(accountView), total };
    }),

  /**
   * Replaces an account's roles. An admin cannot take the admin role from themselves (the last
   * way back in). Takes effect at the account's next token (at most 15 minutes).
   */
  setRoles: manageAccounts
    .input(
      z.object({
        accountId: accountIdInput,
        roles: z
          .array(z.enum(roles))
          .min(1, 'Give at least one role')
          .max(roles.length)
          .transform((given): Role[] => [...new Set(given)]),
      }),
    )
    .mutation(async ({ input, ctx }): Promise<AccountView> => {
      if (input.accountId === ctx.identity.accountId && !input.roles.includes('admin')) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: 'You cannot remove your own admin role',
        });
      }
      const { Account } = await authDatabase.models();
      const updated = await Account.findOneAndUpdate(
        { _id: new Types.ObjectId(input.accountId), deletedAt: null },
        { $set: { roles: input.roles } },
        { returnDocument: 'after' },
      ).lean();
      if (!updated) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such account' });
      ctx.logger.info(
        { accountId: input.accountId, roles: input.roles, by: ctx.identity.accountId },
        'roles changed',
      );
      return accountView(updated);
    }),

  /**
   * Starts a new signing key (it signs once every replica publishes it, about a minute later);
   * the old key stays published until the tokens it signed have expired.
   */
  rotateSigningKey: manageAccounts.mutation(async ({ ctx }) => {
    const { kid, activatesAt } = await rotateSigningKey();
    ctx.logger.warn({ kid, activatesAt, by: ctx.identity.accountId }, 'signing key rotated');
    return { kid, activatesAt: activatesAt.toISOString() };
  }),
};

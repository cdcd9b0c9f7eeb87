import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { signAccessToken } from '../../identity/access-token';
import { router } from '../../trpc/init';
import { publicProcedure } from '../../trpc/procedures';
import { statusProcedure } from '../status';
import { authDatabase } from './database';
import { verifyCredentials } from './credentials';
import { currentSigningKey } from './signing-keys';
import type { Role } from '../../identity/permissions';

export interface LoginResult {
  accessToken: string;
  /** ISO 8601. */
  expiresAt: string;
  account: { id: string; email: string; name: string; roles: Role[] };
}

const loginInput = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  // Bounded so hashing cost cannot be driven up with huge inputs.
  password: z.string().min(1).max(200),
});

export const authRouter = router({
  status: statusProcedure('auth'),

  /** Email + password in, a 15-minute RS256 access token out. Same error for any wrong part. */
  login: publicProcedure
    .input(loginInput)
    .mutation(async ({ input, ctx }): Promise<LoginResult> => {
      const account = await verifyCredentials(
        await authDatabase.models(),
        input.email,
        input.password,
      );
      if (!account) {
        // No email in the log: it is personal data, and logs outlive accounts.
        ctx.logger.info({ clientAddress: ctx.clientAddress }, 'login refused');
        throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Wrong email or password' });
      }
      const { accessToken, expiresAt } = await signAccessToken(await currentSigningKey(), {
        accountId: account.id,
        email: account.email,
        roles: account.roles,
      });
      return { accessToken, expiresAt: expiresAt.toISOString(), account };
    }),
});

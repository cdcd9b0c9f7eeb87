import { createHash, timingSafeEqual } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { domains } from '../../domains';
import { signServiceToken } from '../../identity/access-token';
import { publicProcedure } from '../../trpc/procedures';
import { currentSigningKey } from './signing-keys';

/** Shorter secrets are refused at start-up of the exchange: they could be guessed. */
const minimumSecretLength = 32;

function configuredSecret(): string | undefined {
  const secret = process.env.SERVICE_TOKEN_SECRET;
  return secret && secret.length >= minimumSecretLength ? secret : undefined;
}

/** Compares digests so neither the length nor the content of the secret leaks through timing. */
function secretMatches(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

const serviceTokenInput = z
  .object({
    service: z.enum(domains),
    secret: z.string().min(1).max(512),
  })
  .strict();

/**
 * `auth.serviceToken`: the client-credentials exchange behind `serviceCellClient()`. A cell that
 * must call another outside any shopper's request (a saga step) presents the cluster's
 * `SERVICE_TOKEN_SECRET` and gets a 15-minute access token with the service role.
 */
export const serviceProcedures = {
  serviceToken: publicProcedure.input(serviceTokenInput).mutation(async ({ input, ctx }) => {
    const expected = configuredSecret();
    if (!expected) {
      throw new TRPCError({
        code: 'PRECONDITION_FAILED',
        message: `Service tokens are disabled: SERVICE_TOKEN_SECRET is not set (at least ${minimumSecretLength} characters)`,
      });
    }
    if (!secretMatches(input.secret, expected)) {
      ctx.logger.warn({ service: input.service }, 'service token refused: wrong secret');
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Wrong service secret' });
    }
    const { accessToken, expiresAt } = await signServiceToken(
      await currentSigningKey(),
      input.service,
    );
    return { accessToken, expiresAt: expiresAt.toISOString() };
  }),
};

import { hostConfig } from '../../../config/host';
import { TRPCError } from '@trpc/server';
import { signServiceToken } from '../../../identity/access-token';
import { isSameSecret } from '../../../secrets';
import type { HandlerArgs } from '../../../trpc/context';
import type { ServiceTokenInput } from '../inputs';
import { currentSigningKey } from '../signing-keys';
import type { ServiceToken } from '../views';

/** Shorter secrets are refused at start-up of the exchange: they could be guessed. */
const minimumSecretLength = 32;

function configuredSecret(): string | undefined {
  const secret = hostConfig().SERVICE_TOKEN_SECRET;
  return secret && secret.length >= minimumSecretLength ? secret : undefined;
}

/**
 * `auth.serviceToken`: the client-credentials exchange behind `serviceCellClient()`. A cell that
 * must call another outside any shopper's request (a saga step) presents the cluster's
 * `SERVICE_TOKEN_SECRET` and gets a 15-minute access token with the service role.
 */
export async function serviceToken({
  input,
  ctx,
}: HandlerArgs<ServiceTokenInput>): Promise<ServiceToken> {
  const expected = configuredSecret();
  if (!expected) {
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: `Service tokens are disabled: SERVICE_TOKEN_SECRET is not set (at least ${minimumSecretLength} characters)`,
    });
  }
  if (!isSameSecret(input.secret, expected)) {
    ctx.logger.warn({ service: input.service }, 'service token refused: wrong secret');
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Wrong service secret' });
  }
  const { accessToken, expiresAt } = await signServiceToken(
    await currentSigningKey(),
    input.service,
  );
  return { accessToken, expiresAt: expiresAt.toISOString() };
}

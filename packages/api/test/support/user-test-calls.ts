import { Types } from 'mongoose';
import { currentSigningKey } from '../../src/cells/auth/signing-keys';
import { signAccessToken } from '../../src/identity/access-token';
import type { Role } from '../../src/identity/permissions';
import { bearer, queryUrl, request, type RawResponse } from './http';

/** A token for any account, signed with the auth cell's real key (as a login would give). */
export async function tokenFor(
  roles: Role[],
  account: { accountId?: string; email?: string } = {},
): Promise<{ token: string; accountId: string; email: string }> {
  const accountId = account.accountId ?? new Types.ObjectId().toHexString();
  const email = account.email ?? `user-${accountId}@example.com`;
  const { accessToken } = await signAccessToken(await currentSigningKey(), {
    accountId,
    email,
    roles,
  });
  return { token: accessToken, accountId, email };
}

/** Calls of one caller against one host, as raw HTTP so status codes are asserted as sent. */
export function callsAs(baseUrl: string, token?: string) {
  const headers = token ? bearer(token) : {};
  return {
    query: (path: string, input?: unknown) =>
      request(queryUrl(baseUrl, `user.${path}`, input), { headers }),
    mutate: (path: string, input?: unknown) =>
      request(`${baseUrl}/trpc/user.${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(input ?? null),
      }),
  };
}

export function dataOf<T>(response: RawResponse): T {
  if (response.status !== 200) {
    throw new Error(`expected 200, got ${response.status}: ${response.text.slice(0, 500)}`);
  }
  return (response.json as { result: { data: T } }).result.data;
}

export interface ErrorBody {
  message: string;
  data: { code: string; httpStatus: number; issues?: { path: string; message: string }[] };
}

export function errorOf(response: RawResponse): ErrorBody {
  return (response.json as { error: ErrorBody }).error;
}

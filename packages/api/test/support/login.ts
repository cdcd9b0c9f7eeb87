import { demoPassword } from '@shop/db/seed';
import { createCellClient } from '../../src/client';
import { bearer } from './http';

export type CellClient = ReturnType<typeof createCellClient>;

/** Signs a seeded demo account in through the auth cell at `authUrl` and returns its token. */
export async function loginAs(authUrl: string, email: string): Promise<string> {
  const client = createCellClient({ urlFor: () => `${authUrl}/trpc` });
  const { accessToken } = await client.auth.login.mutate({ email, password: demoPassword });
  return accessToken;
}

/** A client of the host at `hostUrl` calling with `token`, or anonymously without one. */
export function clientOf(hostUrl: string, token?: string): CellClient {
  return createCellClient({
    urlFor: () => `${hostUrl}/trpc`,
    headers: () => (token ? bearer(token) : {}),
  });
}

/** The seed's demo accounts, by the name before `@example.com`. */
export type DemoAccount = 'admin' | 'catalog' | 'orders' | 'support' | 'analyst' | 'shopper';

export interface SignedIn {
  token: string;
  client: CellClient;
}

/**
 * Signs each named demo account in at once (the host must run the auth cell) and returns its
 * token and a client of that host calling as it: the set-up most role tests share.
 */
export async function signInDemoAccounts<Name extends DemoAccount>(
  hostUrl: string,
  names: readonly Name[],
): Promise<Record<Name, SignedIn>> {
  const tokens = await Promise.all(names.map((name) => loginAs(hostUrl, `${name}@example.com`)));
  return Object.fromEntries(
    names.map((name, index) => {
      const token = tokens[index] ?? '';
      return [name, { token, client: clientOf(hostUrl, token) }];
    }),
  ) as Record<Name, SignedIn>; // built from `names` just above, so every key is present
}

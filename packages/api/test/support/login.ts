import { demoPassword } from '@shop/db/seed';
import { createCellClient } from '../../src/client';

/** Signs a seeded demo account in through the auth cell at `authUrl` and returns its token. */
export async function loginAs(authUrl: string, email: string): Promise<string> {
  const client = createCellClient({ urlFor: () => `${authUrl}/trpc` });
  const { accessToken } = await client.auth.login.mutate({ email, password: demoPassword });
  return accessToken;
}

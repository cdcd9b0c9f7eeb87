import 'server-only';
import { clientAddressOf } from '@shop/api/gateway';
import { headers } from 'next/headers';

/** The browser's address for the current server action (the cells throttle sign-ins by it). */
export async function currentClientAddress(): Promise<string | undefined> {
  const address = clientAddressOf(await headers());
  return address === 'unknown' ? undefined : address;
}

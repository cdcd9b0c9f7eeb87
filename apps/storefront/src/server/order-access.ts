import 'server-only';
import { usesSecureCookies } from '@shop/auth-session/secret';
import { cookies } from 'next/headers';
import { z } from 'zod';

/**
 * Guest order access (contract): the token `order.place` / `order.lookup` return once is kept in
 * the httpOnly cookie `shop_order_access`, a JSON map orderId → token of at most 10 entries (the
 * newest win), so the guest can reopen the payment and confirmation pages and no script can read
 * it.
 */
const cookieName = 'shop_order_access';
const maxEntries = 10;
const maxAgeSeconds = 30 * 24 * 60 * 60;

const accessMap = z.record(z.string().regex(/^[a-f0-9]{24}$/i), z.string().min(1).max(200));

async function readAccessMap(): Promise<Record<string, string>> {
  const raw = (await cookies()).get(cookieName)?.value;
  if (!raw) return {};
  try {
    const parsed = accessMap.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    // A cookie someone edited by hand: start again rather than fail the page.
    return {};
  }
}

/** The guest access token this browser holds for the order, if any. */
export async function orderAccessToken(orderId: string): Promise<string | undefined> {
  return (await readAccessMap())[orderId];
}

/** Keeps the order's guest access token (server actions and route handlers only). */
export async function rememberOrderAccess(orderId: string, token: string): Promise<void> {
  const entries = Object.entries(await readAccessMap()).filter(([id]) => id !== orderId);
  entries.push([orderId, token]);
  (await cookies()).set(
    cookieName,
    JSON.stringify(Object.fromEntries(entries.slice(-maxEntries))),
    {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: usesSecureCookies(),
      maxAge: maxAgeSeconds,
    },
  );
}

const orderIdShape = /^[a-f0-9]{24}$/i;

export function isOrderId(value: string): boolean {
  return orderIdShape.test(value);
}

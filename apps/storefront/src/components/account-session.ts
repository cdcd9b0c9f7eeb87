'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';

/** What the header shows of a signed-in shopper (next-auth's session endpoint never has tokens). */
export interface HeaderAccount {
  name: string;
  email: string;
}

/** `undefined` while asking, `null` for a guest. */
export type HeaderSession = HeaderAccount | null | undefined;

/**
 * The shape check of `/api/auth/session`'s answer: `{}` for a guest; `{ account, error? }` when
 * signed in (auth-options.ts `session` callback). Hand-written rather than zod to keep zod out
 * of every page's JavaScript; anything unexpected counts as signed out.
 */
function accountIn(body: unknown): HeaderAccount | null {
  if (typeof body !== 'object' || body === null) return null;
  const { account, error } = body as { account?: unknown; error?: unknown };
  if (error || typeof account !== 'object' || account === null) return null;
  const { name, email } = account as { name?: unknown; email?: unknown };
  return typeof name === 'string' && typeof email === 'string' ? { name, email } : null;
}

/**
 * The shopper's session as the browser learns it from next-auth's `/api/auth/session`, asked
 * again on every client-side navigation (a session can end while the header stays mounted).
 * Pages are cached HTML shared by everyone, so the server never renders who is signed in.
 */
export function useHeaderSession(): HeaderSession {
  const pathname = usePathname();
  const [session, setSession] = useState<HeaderSession>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/auth/session', { cache: 'no-store', signal: controller.signal })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: unknown) => setSession(accountIn(body)))
      .catch(() => {
        // Aborted by the next navigation, or the app is unreachable: keep what we knew.
      });
    return () => controller.abort();
  }, [pathname]);
  return session;
}

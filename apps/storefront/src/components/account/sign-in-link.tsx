'use client';

import type { Route } from 'next';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** "Sign in", coming back to the page the shopper is on (not from the sign-in pages themselves). */
export function SignInLink({ className }: { className?: string }) {
  const pathname = usePathname();
  const returnable =
    pathname && !/^\/(sign-in|sign-up|forgot-password|reset-password)/.test(pathname);
  const href =
    returnable && pathname !== '/'
      ? `/sign-in?callbackUrl=${encodeURIComponent(pathname)}`
      : '/sign-in';
  return (
    <Link href={href as Route} className={className}>
      Sign in
    </Link>
  );
}

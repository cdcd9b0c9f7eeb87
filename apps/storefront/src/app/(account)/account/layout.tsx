import { Container } from '@shop/ui';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { requireSession } from '@/auth/current-session';
import { AccountSectionNav } from '@/components/account/account-section-nav';

export const metadata: Metadata = {
  title: { default: 'Your account', template: '%s · Your account · Shop' },
};

/** The account area: only for a signed-in shopper; sections beside (or above) the page. */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const session = await requireSession('/account');
  return (
    <Container className="py-8 sm:py-12">
      <header className="mb-6 sm:mb-8">
        <p className="text-sm font-medium text-accent-700">Your account</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-ink sm:text-3xl">
          Hello, {session.account.name}
        </h1>
        <p className="mt-1 text-sm text-ink-muted">{session.account.email}</p>
      </header>
      <div className="grid gap-6 lg:grid-cols-[12rem_1fr] lg:gap-10">
        <AccountSectionNav />
        <div className="flex min-w-0 flex-col gap-6">{children}</div>
      </div>
    </Container>
  );
}

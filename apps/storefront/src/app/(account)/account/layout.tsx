import { Container } from '@shop/ui';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AccountSectionNav } from '@/components/account/account-section-nav';

export const metadata: Metadata = {
  title: { default: 'Your account', template: '%s · Your account · Shop' },
};

/**
 * The account area: sections beside (or above) the page. Only for a signed-in shopper: the proxy
 * sends anyone else to sign in, and each page checks the session itself (with its own path to
 * come back to) and renders the greeting (`AccountHeading`).
 */
export default function AccountLayout({ children }: { children: ReactNode }) {
  return (
    <Container className="py-8 sm:py-12">
      <div className="grid gap-6 lg:grid-cols-[12rem_1fr] lg:gap-10">
        <AccountSectionNav />
        <div className="flex min-w-0 flex-col gap-6">{children}</div>
      </div>
    </Container>
  );
}

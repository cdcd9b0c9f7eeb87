import { SkipLink } from '@shop/ui';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { currentSession } from '@/auth/current-session';
import { AdminNavigation } from '@/components/admin-navigation';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Shop Admin', template: '%s · Shop Admin' },
  description: 'The Shop back office: platform health, catalogue, orders and customers.',
  robots: { index: false, follow: false },
};

/**
 * The back-office shell: navigation in a sidebar (a disclosure menu on phones) and the page.
 * Signed out (the sign-in page; every other page redirects there) there is no navigation.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const session = await currentSession();
  return (
    <html lang="en">
      <body className={session ? 'min-h-dvh lg:grid lg:grid-cols-[16rem_1fr]' : 'min-h-dvh'}>
        <SkipLink />
        {session ? <AdminNavigation session={session} /> : null}
        <main
          id="main"
          tabIndex={-1}
          className="min-w-0 px-4 py-8 focus:outline-none sm:px-8 lg:py-10"
        >
          {children}
        </main>
      </body>
    </html>
  );
}

import { SkipLink } from '@shop/ui';
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { Providers } from '@/browser/providers';
import { ConsentBanner } from '@/components/consent-banner';
import { PageTracker } from '@/components/page-tracker';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { TestModeBanner } from '@/components/test-mode-banner';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Shop — everyday things, thoughtfully made', template: '%s · Shop' },
  description:
    'Shop a considered catalogue of everyday goods: honest prices, clear details, easy returns.',
  applicationName: 'Shop',
};

export const viewport: Viewport = {
  themeColor: '#f7f6f3',
  width: 'device-width',
  initialScale: 1,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col">
        <SkipLink />
        <Providers>
          <TestModeBanner />
          <SiteHeader />
          <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
            {children}
          </main>
          <SiteFooter />
          <PageTracker />
          <ConsentBanner />
        </Providers>
      </body>
    </html>
  );
}

'use client';

import { classNames } from '@shop/ui';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const sections = [
  { href: '/account', label: 'Profile' },
  { href: '/account/orders', label: 'Orders' },
  { href: '/account/addresses', label: 'Addresses' },
  { href: '/account/preferences', label: 'Preferences' },
  { href: '/account/security', label: 'Security' },
] as const;

/** The account area's sections: a row of tabs on phones, a column beside the page on wide screens. */
export function AccountSectionNav() {
  const pathname = usePathname();
  return (
    // min-w-0: the tabs scroll sideways on phones instead of widening the page.
    <nav aria-label="Account" className="min-w-0">
      <ul className="-mx-1 flex gap-1 overflow-x-auto pb-1 lg:mx-0 lg:flex-col lg:overflow-visible">
        {sections.map((section) => {
          // An order's page is still in Orders; Profile (/account) matches only itself.
          const current =
            pathname === section.href ||
            (section.href !== '/account' && pathname.startsWith(`${section.href}/`));
          return (
            <li key={section.href} className="shrink-0">
              <Link
                href={section.href}
                aria-current={current ? 'page' : undefined}
                className={classNames(
                  'block rounded-control px-3 py-2 text-sm font-medium transition-colors',
                  current
                    ? 'bg-accent-50 text-accent-800'
                    : 'text-ink-muted hover:bg-surface-sunken hover:text-ink',
                )}
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

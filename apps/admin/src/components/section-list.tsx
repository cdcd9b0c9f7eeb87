'use client';

import { classNames } from '@shop/ui';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { AdminSection } from './admin-sections';

/** The menu entries; the current section is marked for sight and for screen readers. */
export function SectionList({ sections }: { sections: readonly AdminSection[] }) {
  const pathname = usePathname();
  const isCurrent = (href: string) =>
    href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <ul className="flex flex-col gap-0.5">
      {sections.map((section) => (
        <li key={section.label}>
          {section.href ? (
            <Link
              href={section.href}
              aria-current={isCurrent(section.href) ? 'page' : undefined}
              className={classNames(
                'flex items-center rounded-control px-3 py-2 text-sm font-medium transition-colors',
                isCurrent(section.href)
                  ? 'bg-accent-50 text-accent-800'
                  : 'text-ink hover:bg-surface-sunken',
              )}
            >
              {section.label}
            </Link>
          ) : (
            // Not a link yet: nothing to navigate to. Announced as unavailable, still visible.
            <span
              aria-disabled="true"
              className="flex cursor-not-allowed items-center justify-between gap-2 rounded-control px-3 py-2 text-sm text-ink-subtle"
            >
              {section.label}
              <span className="rounded-full bg-surface-sunken px-2 py-0.5 text-[0.6875rem] font-medium text-ink-subtle">
                coming soon
              </span>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

import { Logo } from '@shop/ui';
import Link from 'next/link';
import { adminSections } from './admin-sections';

function SectionList() {
  return (
    <ul className="flex flex-col gap-0.5">
      {adminSections.map((section) => (
        <li key={section.label}>
          {section.available ? (
            <Link
              href={section.href}
              aria-current="page"
              className="flex items-center rounded-control bg-accent-50 px-3 py-2 text-sm font-medium text-accent-800"
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

/**
 * Sidebar on wide screens; on phones a top bar whose menu is a native disclosure (works without
 * JavaScript and with the keyboard).
 */
export function AdminNavigation() {
  return (
    <>
      <header className="flex items-center justify-between border-b border-line bg-surface px-4 py-3 lg:hidden">
        <Link href="/" className="rounded-control">
          <Logo suffix="Admin" />
        </Link>
        <details className="group relative">
          <summary className="cursor-pointer list-none rounded-control border border-line-strong px-3 py-1.5 text-sm font-medium">
            Menu
          </summary>
          <nav
            aria-label="Back office"
            className="absolute right-0 z-30 mt-2 w-64 rounded-card border border-line bg-surface p-2 shadow-raised"
          >
            <SectionList />
          </nav>
        </details>
      </header>
      <aside className="sticky top-0 hidden h-dvh flex-col border-r border-line bg-surface lg:flex">
        <div className="px-5 py-5">
          <Link href="/" className="rounded-control">
            <Logo suffix="Admin" />
          </Link>
        </div>
        <nav aria-label="Back office" className="flex-1 overflow-y-auto px-3 pb-6">
          <SectionList />
        </nav>
        <p className="border-t border-line px-5 py-4 text-xs text-ink-subtle">
          Signed-in staff accounts arrive with the identity work.
        </p>
      </aside>
    </>
  );
}

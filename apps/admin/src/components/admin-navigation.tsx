import { Logo } from '@shop/ui';
import Link from 'next/link';
import type { StaffSession } from '@/auth/current-session';
import { UnreadAlertsLink } from '@/app/notifications/_components/unread-alerts-link';
import { sectionsFor } from './admin-sections';
import { SectionList } from './section-list';
import { SignOutButton } from './sign-out-button';

const roleNames: Record<string, string> = {
  admin: 'Administrator',
  catalog_manager: 'Catalog manager',
  order_manager: 'Order manager',
  support: 'Support',
  analyst: 'Analyst',
};

function SignedInAs({ session }: { session: StaffSession }) {
  const roles = session.account.roles.map((role) => roleNames[role] ?? role).join(', ');
  return (
    <div className="flex items-center justify-between gap-3">
      <div className="min-w-0 text-xs">
        <p className="truncate font-medium text-ink" data-testid="staff-name">
          {session.account.name}
        </p>
        <p className="truncate text-ink-subtle">{roles}</p>
      </div>
      <SignOutButton className="shrink-0 rounded-control border border-line-strong px-2.5 py-1.5 text-xs font-medium text-ink hover:bg-surface-sunken" />
    </div>
  );
}

/**
 * Sidebar on wide screens; on phones a top bar whose menu is a native disclosure (works without
 * JavaScript and with the keyboard). Only the sections the staff member's roles allow are listed.
 */
export function AdminNavigation({ session }: { session: StaffSession }) {
  const sections = sectionsFor(session.permissions);
  return (
    <>
      <header className="flex items-center justify-between border-b border-line bg-surface px-4 py-3 lg:hidden">
        <Link href="/" className="rounded-control">
          <Logo suffix="Admin" />
        </Link>
        <div className="flex items-center gap-2">
          <UnreadAlertsLink session={session} />
          <details className="group relative">
            <summary className="cursor-pointer list-none rounded-control border border-line-strong px-3 py-1.5 text-sm font-medium">
              Menu
            </summary>
            <div className="absolute right-0 z-30 mt-2 w-64 rounded-card border border-line bg-surface p-2 shadow-raised">
              <nav aria-label="Back office">
                <SectionList sections={sections} />
              </nav>
              <div className="mt-2 border-t border-line px-3 pt-3 pb-1">
                <SignedInAs session={session} />
              </div>
            </div>
          </details>
        </div>
      </header>
      {/* The column carries the border and background down the whole page; the sidebar inside
          it stays in view while a long page scrolls. */}
      <div className="hidden border-r border-line bg-surface lg:block">
        <aside className="sticky top-0 flex h-dvh flex-col">
          <div className="flex items-center justify-between gap-2 px-5 py-5">
            <Link href="/" className="rounded-control">
              <Logo suffix="Admin" />
            </Link>
            <UnreadAlertsLink session={session} />
          </div>
          <nav aria-label="Back office" className="flex-1 overflow-y-auto px-3 pb-6">
            <SectionList sections={sections} />
          </nav>
          <div className="border-t border-line px-5 py-4">
            <SignedInAs session={session} />
          </div>
        </aside>
      </div>
    </>
  );
}

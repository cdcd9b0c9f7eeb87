import type { Permission } from '@shop/api/permissions';
import { classNames } from '@shop/ui';
import type { Route } from 'next';
import Link from 'next/link';

const tabs: readonly { href: Route; label: string; permission?: Permission }[] = [
  { href: '/notifications' as Route, label: 'Staff alerts' },
  { href: '/notifications/messages' as Route, label: 'Messages', permission: 'customers:read' },
  {
    href: '/notifications/templates' as Route,
    label: 'Templates',
    permission: 'notifications:send',
  },
  {
    href: '/notifications/campaigns' as Route,
    label: 'Campaigns',
    permission: 'notifications:send',
  },
];

/** The Notifications section's pages, as far as the staff member may open them. */
export function NotificationTabs({
  current,
  permissions,
}: {
  current: 'alerts' | 'messages' | 'templates' | 'campaigns';
  permissions: ReadonlySet<Permission>;
}) {
  const currentHref = tabs[['alerts', 'messages', 'templates', 'campaigns'].indexOf(current)]?.href;
  return (
    <nav aria-label="Notifications" className="flex flex-wrap gap-2 border-b border-line pb-3">
      {tabs
        .filter((tab) => !tab.permission || permissions.has(tab.permission))
        .map((tab) => (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={tab.href === currentHref ? 'page' : undefined}
            className={classNames(
              'rounded-control px-3 py-1.5 text-sm font-medium',
              tab.href === currentHref
                ? 'bg-accent-50 text-accent-700'
                : 'text-ink-muted hover:bg-surface-sunken hover:text-ink',
            )}
          >
            {tab.label}
          </Link>
        ))}
    </nav>
  );
}

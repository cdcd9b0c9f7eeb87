import type { Permission } from '@shop/api/permissions';
import type { Route } from 'next';

export interface AdminSection {
  label: string;
  /** The page, once it exists; without one the section shows as "coming soon". */
  href?: Route;
  /** What the staff member needs to see the section at all; none: every staff role. */
  permission?: Permission;
}

/**
 * The back office's sections, in menu order, and the permission each needs. The menu shows a
 * staff member only the sections their roles allow; the pages answer 403 and the cells refuse
 * the calls for anyone else.
 */
export const adminSections: readonly AdminSection[] = [
  { label: 'Dashboard', href: '/' },
  // Analysts read the catalogue; the editor's fields are locked without catalog:write.
  { label: 'Catalog', href: '/catalog', permission: 'catalog:read' },
  // Analysts read stock and its history; adjusting needs catalog:write.
  { label: 'Inventory', href: '/inventory', permission: 'catalog:read' },
  // Merchandising rules: analysts read and preview; changing them needs catalog:write.
  { label: 'Search', href: '/search', permission: 'catalog:read' },
  { label: 'Orders', href: '/orders', permission: 'orders:read' },
  // Refunds are made on an order's page (payments:refund); discounts, shipping and tax are the
  // order cell's settings (orders:read to see, orders:write to change).
  { label: 'Discounts', href: '/discounts', permission: 'orders:read' },
  { label: 'Shipping & tax', href: '/settings/shipping', permission: 'orders:read' },
  { label: 'Reviews', href: '/reviews', permission: 'reviews:moderate' },
  { label: 'Customers', href: '/customers', permission: 'customers:read' },
  { label: 'Staff', href: '/staff', permission: 'accounts:manage' },
  // Every staff change in every service (admins only: it shows who did what, and from where).
  { label: 'Audit log', href: '/audit', permission: 'audit:read' },
  // Staff alerts for every staff role; its Messages (customers:read) and Templates
  // (notifications:send) pages check their own permission.
  { label: 'Notifications', href: '/notifications' },
  { label: 'Analytics', href: '/analytics', permission: 'analytics:read' },
  // Whether each service answers (every staff role; the dashboard links to it too).
  { label: 'Service health', href: '/health' },
];

/** The sections a holder of `permissions` may see. */
export function sectionsFor(permissions: ReadonlySet<Permission>): AdminSection[] {
  return adminSections.filter(
    (section) => !section.permission || permissions.has(section.permission),
  );
}

/**
 * Pages inside a section that need more than the section does: answered 403 before rendering
 * (a page's own `forbidden()` comes after its loading state has streamed with a 200).
 */
const pagePermissions: Readonly<Record<string, Permission>> = {
  '/catalog/new': 'catalog:write',
  '/catalog/import': 'catalog:write',
  // Analysts see the analytics settings; changing them needs analytics:configure (the form says).
  '/settings/analytics': 'analytics:read',
};

/**
 * Parts of a section, with every page under them, that need more than the section does. The
 * campaign pages stream a loading state (campaigns/loading.tsx), so their own `forbidden()`
 * would come after a 200 had started.
 */
const pagePrefixPermissions: readonly (readonly [string, Permission])[] = [
  ['/notifications/campaigns', 'notifications:send'],
];

/** The permission a path needs, from the section it belongs to (none for the dashboard). */
export function permissionForPath(pathname: string): Permission | undefined {
  const page = pagePermissions[pathname];
  if (page) return page;
  const part = pagePrefixPermissions.find(
    ([prefix]) => pathname === prefix || pathname.startsWith(`${prefix}/`),
  );
  if (part) return part[1];
  return adminSections.find(
    (section) =>
      section.href &&
      section.href !== '/' &&
      (pathname === section.href || pathname.startsWith(`${section.href}/`)),
  )?.permission;
}

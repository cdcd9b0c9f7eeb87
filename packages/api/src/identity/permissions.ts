/**
 * Roles and what they may do. Pure data (no server imports) so the apps can hide what a user may
 * not use; the owning cell still checks every call.
 */
// The auth cell's accounts own the list of roles; this module adds what each role may do.
import { accountRoles, staffRoles, type AccountRole } from '@shop/db/auth/roles';

export { staffRoles };
export const roles = accountRoles;
export type Role = AccountRole;

export const permissions = [
  // Reading the back office's product list and editor (analysts read, catalog managers edit).
  'catalog:read',
  'catalog:write',
  'orders:read',
  'orders:write',
  'customers:read',
  'customers:write',
  'reviews:moderate',
  'analytics:read',
  // Changing the analytics settings (consent mode, raw-event retention, time zone): admins only,
  // as the consent mode decides what is kept about shoppers.
  'analytics:configure',
  'notifications:send',
  'accounts:manage',
  // Reserving stock for an order: the order saga's service calls to the product cell need it.
  'inventory:reserve',
  // Starting, cancelling and reading payments for an order: the order saga's calls to the payment cell.
  'payments:process',
  // Refunding a captured payment (staff, from the back office).
  'payments:refund',
  // Asking whether an account received a product: the review cell's verified-purchase check.
  'purchases:verify',
  // Writing a product's rating summary (the review cell's tallies; never staff's: a moderator
  // must not be able to set an average by hand).
  'ratings:publish',
  // Reading every cell's staff audit log (admins only: who changed what, and from where).
  'audit:read',
] as const;
export type Permission = (typeof permissions)[number];

export const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = {
  // Shoppers act on their own data only; ownership is checked by the cell, not by a permission.
  customer: [],
  admin: permissions,
  catalog_manager: ['catalog:read', 'catalog:write', 'reviews:moderate'],
  order_manager: ['orders:read', 'orders:write', 'customers:read', 'payments:refund'],
  support: ['orders:read', 'customers:read', 'customers:write', 'reviews:moderate'],
  analyst: ['analytics:read', 'orders:read', 'catalog:read'],
};

/**
 * Not an account role: the role carried by a cell calling another cell on its own behalf (the
 * order saga reserving stock and taking payment). Only `auth.serviceToken` grants it, in exchange
 * for the cluster's service secret; no account can hold it.
 */
export const serviceRole = 'service';
export const servicePermissions: readonly Permission[] = [
  'inventory:reserve',
  'payments:process',
  'purchases:verify',
  // The review cell writes each product's rating summary (`product.setRatingSummary`).
  'ratings:publish',
];

const roleSet: ReadonlySet<string> = new Set(roles);

export function isRole(value: string): value is Role {
  return roleSet.has(value);
}

export function permissionsForRoles(granted: readonly Role[]): Permission[] {
  return [...new Set(granted.flatMap((role) => rolePermissions[role]))];
}

import { permissionsForRoles } from '@shop/api/permissions';
import { describe, expect, it } from 'vitest';
import { adminSections, permissionForPath, sectionsFor } from './admin-sections';

const labelsFor = (...roles: Parameters<typeof permissionsForRoles>[0]) =>
  sectionsFor(new Set(permissionsForRoles(roles))).map((section) => section.label);

describe('what each staff role sees in the back office', () => {
  it('an admin sees every section, in menu order', () => {
    expect(labelsFor('admin')).toEqual(adminSections.map((section) => section.label));
  });

  it('an analyst sees analytics, orders and the catalog (read only), not staff or customers', () => {
    const labels = labelsFor('analyst');
    expect(labels).toEqual(expect.arrayContaining(['Dashboard', 'Analytics', 'Orders', 'Catalog']));
    expect(labels).not.toContain('Staff');
    expect(labels).not.toContain('Customers');
    // Stock levels and history are read-only for analysts, as the catalogue is.
    expect(labels).toContain('Inventory');
  });

  it('an order manager does not see the catalog', () => {
    expect(labelsFor('order_manager')).not.toContain('Catalog');
  });

  it('support sees customers but not staff management', () => {
    expect(labelsFor('support')).toContain('Customers');
    expect(labelsFor('support')).not.toContain('Staff');
  });

  it('a customer (no permissions) sees only the entries every role has', () => {
    expect(labelsFor('customer')).toEqual(['Dashboard', 'Notifications', 'Service health']);
  });

  it('knows which permission a page needs, including the pages below a section', () => {
    expect(permissionForPath('/staff')).toBe('accounts:manage');
    expect(permissionForPath('/customers/0123456789abcdef01234567')).toBe('customers:read');
    expect(permissionForPath('/orders/0123456789abcdef01234567')).toBe('orders:read');
    expect(permissionForPath('/settings/shipping')).toBe('orders:read');
    expect(permissionForPath('/catalog/0123456789abcdef01234567')).toBe('catalog:read');
    expect(permissionForPath('/catalog/categories')).toBe('catalog:read');
    // Creating needs more than reading: an analyst is refused before the page renders.
    expect(permissionForPath('/catalog/new')).toBe('catalog:write');
    expect(permissionForPath('/')).toBeUndefined();
    expect(permissionForPath('/staffroom')).toBeUndefined();
  });
});

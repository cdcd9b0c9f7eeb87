/** The back office's sections, in menu order; those not built yet are shown as coming soon. */
export const adminSections = [
  { label: 'Dashboard', href: '/', available: true },
  { label: 'Catalog', available: false },
  { label: 'Inventory', available: false },
  { label: 'Orders', available: false },
  { label: 'Refunds', available: false },
  { label: 'Reviews', available: false },
  { label: 'Customers', available: false },
  { label: 'Staff', available: false },
  { label: 'Notifications', available: false },
  { label: 'Analytics', available: false },
] as const;

/** `customer` is every shopper; the rest are staff roles checked by the cells that own the data. */
export const accountRoles = [
  'customer',
  'admin',
  'catalog_manager',
  'order_manager',
  'support',
  'analyst',
] as const;
export type AccountRole = (typeof accountRoles)[number];

export const staffRoles = accountRoles.filter(
  (role): role is Exclude<AccountRole, 'customer'> => role !== 'customer',
);

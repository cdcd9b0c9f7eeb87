/**
 * Each domain cell owns exactly one database on the shared MongoDB server. Search's own holds its
 * merchandising rules; its index is read from the product database.
 */
export const domainDatabases = {
  auth: 'auth_db',
  user: 'users_db',
  product: 'products_db',
  order: 'orders_db',
  payment: 'payments_db',
  notification: 'notifications_db',
  review: 'reviews_db',
  analytics: 'analytics_db',
  search: 'search_db',
} as const;

export type DatabaseDomain = keyof typeof domainDatabases;

export const databaseDomains = Object.keys(domainDatabases) as DatabaseDomain[];

import type { Domain } from '@shop/api/client';

/** What each cell owns (docs/DESIGN.md), shown under its name on the status board. */
export const cellDescriptions: Record<Domain, { name: string; owns: string }> = {
  auth: { name: 'Auth', owns: 'Credentials, tokens, sessions, roles' },
  user: { name: 'User', owns: 'Profiles, addresses, preferences' },
  product: { name: 'Product', owns: 'Catalog, variants, categories, inventory' },
  order: { name: 'Order', owns: 'Carts, orders, order history' },
  payment: { name: 'Payment', owns: 'Payment intents, transactions, refunds' },
  notification: { name: 'Notification', owns: 'Templates, messages, delivery status' },
  search: { name: 'Search', owns: 'Search index, autocomplete' },
  review: { name: 'Review', owns: 'Reviews, ratings, moderation' },
  analytics: { name: 'Analytics', owns: 'Events, metrics, reports' },
};

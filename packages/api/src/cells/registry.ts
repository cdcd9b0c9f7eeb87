import type { Domain } from '../domains';
import type { CellDefinition } from './cell-definition';

/**
 * How to load each cell, by domain. Each loader imports that cell's code only when called, so a
 * host loads just the cells it hosts: a one-cell pod never holds the other eight cells' modules
 * (their routers, templates, SDKs). Type-only imports elsewhere (`AppRouter`) cost nothing at run
 * time.
 */
export const cellLoaders: Readonly<Record<Domain, () => Promise<CellDefinition>>> = {
  auth: async () => (await import('./auth/index')).authCell,
  user: async () => (await import('./user/index')).userCell,
  product: async () => (await import('./product/index')).productCell,
  order: async () => (await import('./order/index')).orderCell,
  payment: async () => (await import('./payment/index')).paymentCell,
  notification: async () => (await import('./notification/index')).notificationCell,
  search: async () => (await import('./search/index')).searchCell,
  review: async () => (await import('./review/index')).reviewCell,
  analytics: async () => (await import('./analytics/index')).analyticsCell,
};

/** The definitions of the given cells, loaded in order. */
export async function loadCells(hosted: readonly Domain[]): Promise<CellDefinition[]> {
  return Promise.all(hosted.map((domain) => cellLoaders[domain]()));
}

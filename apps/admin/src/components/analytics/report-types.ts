import type { RouterOutputs } from '@shop/api/client';

export type SalesReport = RouterOutputs['analytics']['salesReport'];
export type FunnelReport = RouterOutputs['analytics']['funnelReport'];
export type TopProductsReport = RouterOutputs['analytics']['topProductsReport'];
export type TopCategoriesReport = RouterOutputs['analytics']['topCategoriesReport'];
export type SearchReport = RouterOutputs['analytics']['searchReport'];
export type CustomersReport = RouterOutputs['analytics']['customersReport'];
export type AbandonedCartsReport = RouterOutputs['analytics']['abandonedCartsReport'];

export const reportNames = [
  'sales',
  'funnel',
  'products',
  'categories',
  'search',
  'customers',
  'carts',
] as const;
export type ReportName = (typeof reportNames)[number];

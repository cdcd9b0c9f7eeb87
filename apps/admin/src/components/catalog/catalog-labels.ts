import type { BadgeTone } from '@shop/ui';

export const productStatusOptions = ['draft', 'active', 'archived'] as const;
export type ProductStatusName = (typeof productStatusOptions)[number];

export const productStatusLabels: Record<ProductStatusName, { label: string; tone: BadgeTone }> = {
  draft: { label: 'Draft', tone: 'neutral' },
  active: { label: 'Active', tone: 'success' },
  archived: { label: 'Archived', tone: 'warning' },
};

export const stockFilterOptions = [
  { value: 'in_stock', label: 'In stock' },
  { value: 'low_stock', label: 'Low stock' },
  { value: 'out_of_stock', label: 'Out of stock' },
] as const;

export const sortOptions = [
  { value: 'updated', label: 'Recently changed' },
  { value: 'newest', label: 'Newest first' },
  { value: 'name_asc', label: 'Name A–Z' },
  { value: 'name_desc', label: 'Name Z–A' },
  { value: 'price_asc', label: 'Price, low to high' },
  { value: 'price_desc', label: 'Price, high to low' },
] as const;

export type StockFilter = (typeof stockFilterOptions)[number]['value'];
export type ProductSortName = (typeof sortOptions)[number]['value'];

/** `value` if it is one of `values` (a URL parameter checked before it reaches the cell). */
export function oneOf<T extends string>(values: readonly T[], value: string): T | undefined {
  return values.find((entry) => entry === value);
}

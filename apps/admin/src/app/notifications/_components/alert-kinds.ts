/** Each staff alert kind in words, in the order staff see them. */
export const alertKindLabels = {
  'low-stock': 'Low stock',
  'order-stuck-in-payment': 'Order stuck in payment',
  'refund-failed': 'Refund failed at the provider',
  'emails-failing': 'Emails failing repeatedly',
  'csv-import-finished': 'CSV import finished',
  'csv-import-failed': 'CSV import failed',
} as const;
export type AlertKind = keyof typeof alertKindLabels;

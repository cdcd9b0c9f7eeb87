/** The statuses staff filter by, in the order an order moves through them. */
export const orderStatusOptions = [
  'PENDING',
  'PAYMENT_PROCESSING',
  'CONFIRMED',
  'PROCESSING',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
] as const;
export type OrderStatusOption = (typeof orderStatusOptions)[number];

export function isOrderStatus(value: unknown): value is OrderStatusOption {
  return typeof value === 'string' && (orderStatusOptions as readonly string[]).includes(value);
}

export const paymentMethodNames: Record<string, string> = {
  card: 'Card',
  cash_on_delivery: 'Cash on delivery',
};

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** "DE" → "Germany"; an unknown or blank code is shown as it is. */
export function countryName(code: string | null | undefined): string {
  if (!code) return '';
  try {
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** A date for the back office's tables, in UTC (said, not guessed). */
export function formatStaffDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : `${dateFormat.format(date)} UTC`;
}

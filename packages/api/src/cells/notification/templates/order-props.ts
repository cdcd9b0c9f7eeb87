import { z } from 'zod';

/**
 * Props the order emails share. They mirror what the order events carry (the notification cell
 * never calls back for the order), validated again here so a template never renders half-filled.
 */

export const minor = z.number().int().nonnegative();
export const currency = z.string().length(3);

export const orderRef = z.object({
  orderId: z.string().min(1),
  number: z.string().min(1),
  /** Present for an account's order: the link goes to its order page, not the tracking page. */
  accountId: z.string().min(1).optional(),
  name: z.string(),
});
export type OrderRef = z.infer<typeof orderRef>;

export const orderLine = z.object({
  name: z.string().min(1),
  variantLabel: z.string(),
  quantity: z.number().int().positive(),
  unitPriceMinor: minor,
  lineTotalMinor: minor,
});
export type OrderLine = z.infer<typeof orderLine>;

export const postalAddress = z.object({
  name: z.string(),
  line1: z.string(),
  line2: z.string(),
  city: z.string(),
  region: z.string(),
  postcode: z.string(),
  /** ISO 3166-1 alpha-2; shown as the country's English name. */
  country: z.string(),
});
export type PostalAddress = z.infer<typeof postalAddress>;

/** "Hi Ada," or "Hi," when the order carries no name. */
export function greeting(name: string): string {
  const first = name.trim();
  return first ? `Hi ${first},` : 'Hi,';
}

/**
 * The nine domain cells. Pure data with no server imports, so the browser client can use it.
 * The order is the order of the seed ports in DESIGN.md (auth 3001 ... analytics 3009).
 */
export const domains = [
  'auth',
  'user',
  'product',
  'order',
  'payment',
  'notification',
  'search',
  'review',
  'analytics',
] as const;

export type Domain = (typeof domains)[number];

const domainSet: ReadonlySet<string> = new Set(domains);

export function isDomain(value: string): value is Domain {
  return domainSet.has(value);
}

/** `4200` EUR -> `€42.00`: how prices read in messages to shoppers. */
export function formatMoney(minor: number, currency: string): string {
  return new Intl.NumberFormat('en-IE', { style: 'currency', currency }).format(minor / 100);
}

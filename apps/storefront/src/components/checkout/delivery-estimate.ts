/** "Delivered in 2–4 working days" / "Delivered in 1 working day". */
export function deliveryEstimate(minDays: number, maxDays: number): string {
  if (minDays === maxDays) {
    return `Delivered in ${minDays} working ${minDays === 1 ? 'day' : 'days'}`;
  }
  return `Delivered in ${minDays}–${maxDays} working days`;
}

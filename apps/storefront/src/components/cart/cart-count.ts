/** "Cart, 2 items" / "Cart, 1 item" / "Cart" while the count is unknown. */
export function cartButtonLabel(itemCount: number | undefined): string {
  if (itemCount === undefined) return 'Cart';
  return `Cart, ${itemCount} ${itemCount === 1 ? 'item' : 'items'}`;
}

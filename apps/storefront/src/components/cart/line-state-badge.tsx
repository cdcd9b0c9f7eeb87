import { Badge } from '@shop/ui';
import type { CartLine } from './cart-types';

/** Stock trouble on a cart line, in words; nothing for a line that is simply fine. */
export function LineStateBadge({ line }: { line: CartLine }) {
  switch (line.state) {
    case 'low_stock':
      return <Badge tone="warning">Only {line.maxQuantity} left</Badge>;
    case 'out_of_stock':
      return <Badge tone="danger">Sold out</Badge>;
    case 'unavailable':
      return <Badge tone="neutral">No longer available</Badge>;
    default:
      return null;
  }
}

/** Lines that stop checkout until they are removed. */
export function blocksCheckout(line: CartLine): boolean {
  return line.state === 'out_of_stock' || line.state === 'unavailable';
}

import { Notice } from '@shop/ui';
import type { CartNotice } from './cart-types';

/**
 * What changed since the shopper last looked (price changed, quantity reduced, sold out, no
 * longer sold, discount removed): one prominent notice listing the cell's own sentences.
 */
export function CartNotices({ notices }: { notices: CartNotice[] }) {
  if (notices.length === 0) return null;
  return (
    <Notice
      tone="warning"
      title={notices.length === 1 ? 'Your cart changed' : 'A few things in your cart changed'}
      data-testid="cart-notices"
    >
      <ul className="flex list-disc flex-col gap-1 pl-4">
        {notices.map((notice, index) => (
          <li key={`${notice.kind}-${notice.sku ?? ''}-${index}`}>{notice.message}</li>
        ))}
      </ul>
    </Notice>
  );
}

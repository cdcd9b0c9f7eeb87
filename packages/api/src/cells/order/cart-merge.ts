import { cartLimits } from '@shop/db/order';
import type { CartOwner } from './cart-owner';
import {
  accountCartId,
  changeCart,
  guestCartId,
  linesWithAdded,
  readCart,
  writeCart,
} from './cart-store';

/**
 * A call made with both a guest cart token and a signed-in identity moves the guest cart's lines
 * into the account's cart once: quantities are added (capped at 99 here, and at the stock by the
 * re-pricing that follows), and the guest cart is emptied and marked merged. The guest cart is
 * emptied first (a conditional write on its version), so two concurrent calls cannot both merge
 * it and double the quantities.
 */
export async function mergeGuestCart(owner: CartOwner): Promise<void> {
  if (!owner.accountId || !owner.guestTokenHash) return;
  const guest = await readCart(guestCartId(owner.guestTokenHash));
  if (!guest || guest.lines.length === 0) return;
  const intoCartId = accountCartId(owner.accountId);
  const claimed = await writeCart(guest, {
    lines: [],
    discountCode: null,
    extra: { mergedAt: new Date(), mergedIntoCartId: intoCartId },
  });
  if (!claimed) return;
  await changeCart({ accountId: owner.accountId }, (cart) => {
    let lines = cart.lines;
    for (const line of guest.lines) {
      const known = lines.some((existing) => existing.sku === line.sku);
      if (!known && lines.length >= cartLimits.lines) continue;
      lines = linesWithAdded(lines, line);
    }
    return { lines, discountCode: cart.discountCode ?? guest.discountCode ?? undefined };
  });
}

import { cartLimits, type CartLineRecord } from '@shop/db/order';
import { cartLinesProblem } from './cart-lines-check';
import type { CartOwner } from './cart-owner';
import { cartCollection, cartIdOf, storedFields, touched, type StoredCart } from './cart-store';

/**
 * Line changes made in one round trip: a conditional write whose condition is everything the
 * change depends on, answering the cart as written (`findOneAndUpdate`), where `changeCart` reads
 * first and then writes. Only changes that do not depend on what else the cart holds qualify:
 * adding a SKU the cart does not hold yet, removing one it holds. A quantity already in the cart
 * (`updateCartLine`, adding more of a held SKU) still needs the read: positional updates of one
 * line are not available on every database the shop runs on. Each write bumps `version` like
 * every cart write, so a read-change-write that read before it retries.
 */

/**
 * Appends `line` when the owner's cart exists, does not hold its SKU and has room for another
 * line; otherwise null (the caller then reads and decides: creates the cart, adds to the held
 * quantity or refuses a full cart).
 */
export async function addLineIfNew(
  owner: CartOwner,
  line: CartLineRecord,
): Promise<StoredCart | null> {
  const cartId = cartIdOf(owner);
  if (!cartId) return null;
  const problem = cartLinesProblem([line]);
  if (problem) throw new Error(`cart ${cartId.toString()} not written: ${problem}`);
  return (await cartCollection()).findOneAndUpdate(
    {
      _id: cartId,
      'lines.sku': { $ne: line.sku },
      // Fewer lines than the limit: the last allowed position is still empty.
      [`lines.${cartLimits.lines - 1}`]: { $exists: false },
    },
    { $push: { lines: line }, $set: touched(owner), $inc: { version: 1 } },
    { projection: storedFields, returnDocument: 'after' },
  );
}

/** Removes the SKU's line when the owner's cart holds it; otherwise null (nothing written). */
export async function removeLineIfHeld(owner: CartOwner, sku: string): Promise<StoredCart | null> {
  const cartId = cartIdOf(owner);
  if (!cartId) return null;
  return (await cartCollection()).findOneAndUpdate(
    { _id: cartId, 'lines.sku': sku },
    { $pull: { lines: { sku } }, $set: touched(owner), $inc: { version: 1 } },
    { projection: storedFields, returnDocument: 'after' },
  );
}

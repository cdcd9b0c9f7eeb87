import { cartLimits, guestCartLifetimeMs, type Cart, type CartLineRecord } from '@shop/db/order';
import { TRPCError } from '@trpc/server';
import { type mongo, Types } from 'mongoose';
import { cartLinesProblem } from './cart-lines-check';
import type { CartOwner } from './cart-owner';
import { orderDatabase } from './database';
import { derivedObjectId, isDuplicateKeyError } from '@shop/db/claims';

/**
 * Carts are read and written through the MongoDB driver (the model's collection), not mongoose
 * queries: every cart operation reads or writes one, and mongoose's query building, casting and
 * update validators cost the host about as much CPU as the driver itself (docs/benchmarks.md,
 * Cart). What its validators checked is checked by `cartLinesProblem` before each write; a new
 * cart is still created through the model (defaults, validation, timestamps).
 */
export async function cartCollection(): Promise<mongo.Collection<StoredCart>> {
  const { Cart } = await orderDatabase.models();
  // The model's own collection, typed as the fields this cell reads (`storedFields`).
  return Cart.collection as unknown as mongo.Collection<StoredCart>;
}

/** The fields a cart operation reads. */
export const storedFields = {
  lines: 1,
  discountCode: 1,
  version: 1,
  accountId: 1,
  tokenHash: 1,
} as const;

/** A cart as read: its lines and the version a write must name. */
export type StoredCart = Pick<Cart, 'discountCode' | 'version'> & {
  _id: Types.ObjectId;
  lines: CartLineRecord[];
  accountId?: Types.ObjectId | null;
  tokenHash?: string | null;
};

export function accountCartId(accountId: string): Types.ObjectId {
  return derivedObjectId(`cart:account:${accountId}`);
}

export function guestCartId(tokenHash: string): Types.ObjectId {
  return derivedObjectId(`cart:guest:${tokenHash}`);
}

/** The owner's own cart id: the account's when signed in, else the guest's. */
export function cartIdOf(owner: CartOwner): Types.ObjectId | null {
  if (owner.accountId) return accountCartId(owner.accountId);
  if (owner.guestTokenHash) return guestCartId(owner.guestTokenHash);
  return null;
}

export async function readCart(cartId: Types.ObjectId): Promise<StoredCart | null> {
  return (await cartCollection()).findOne({ _id: cartId }, { projection: storedFields });
}

/** The owner's cart, created empty on first use (concurrent first uses meet on the same `_id`). */
export async function ensureCart(owner: CartOwner): Promise<StoredCart> {
  const cartId = cartIdOf(owner);
  if (!cartId) throw new Error('ensureCart needs an owner');
  const existing = await readCart(cartId);
  if (existing) return existing;
  const { Cart } = await orderDatabase.models();
  const fields = owner.accountId
    ? { accountId: new Types.ObjectId(owner.accountId) }
    : { tokenHash: owner.guestTokenHash };
  const empty = { _id: cartId, ...fields, lines: [], version: 0 };
  try {
    await Cart.create({ ...empty, ...guestExpiry(owner) });
    return empty;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  // A concurrent first use created it first.
  const created = await readCart(cartId);
  if (!created) throw new Error('cart vanished right after it was created');
  return created;
}

function guestExpiry(owner: CartOwner): { expiresAt?: Date } {
  return owner.accountId ? {} : { expiresAt: new Date(Date.now() + guestCartLifetimeMs) };
}

/** What every write sets besides its change: the time, and a guest cart's sliding expiry. */
export function touched(owner?: CartOwner): { updatedAt: Date; expiresAt?: Date } {
  return { updatedAt: new Date(), ...(owner && guestExpiry(owner)) };
}

export interface CartChanges {
  lines?: CartLineRecord[];
  /** `null` removes the code. */
  discountCode?: string | null;
  /** Stored as given (no casting): ids as ObjectIds, times as Dates. */
  extra?: Partial<Pick<Cart, 'lastOrderId' | 'mergedAt' | 'mergedIntoCartId'>>;
}

/**
 * Writes `changes` if the cart is still at the version that was read; false when another write
 * came first (the caller reads again and retries). Guest carts' expiry slides with every write.
 */
export async function writeCart(
  cart: StoredCart,
  changes: CartChanges,
  owner?: CartOwner,
): Promise<boolean> {
  const set: Record<string, unknown> = { ...changes.extra, ...touched(owner) };
  const unset: Record<string, 1> = {};
  if (changes.lines) {
    const problem = cartLinesProblem(changes.lines);
    if (problem) throw new Error(`cart ${cart._id.toString()} not written: ${problem}`);
    set.lines = changes.lines;
  }
  if (changes.discountCode === null) unset.discountCode = 1;
  else if (changes.discountCode !== undefined) set.discountCode = changes.discountCode;
  const result = await (
    await cartCollection()
  ).updateOne(
    { _id: cart._id, version: cart.version },
    {
      $set: set,
      ...(Object.keys(unset).length > 0 && { $unset: unset }),
      $inc: { version: 1 },
    },
  );
  return result.modifiedCount === 1;
}

const maxAttempts = 10;

/** The cart as a successful `writeCart` left it, without reading it back. */
function afterChanges(cart: StoredCart, changes: CartChanges): StoredCart {
  const next: StoredCart = { ...cart, version: cart.version + 1 };
  if (changes.lines) next.lines = changes.lines;
  if (changes.discountCode === null) delete next.discountCode;
  else if (changes.discountCode !== undefined) next.discountCode = changes.discountCode;
  return next;
}

/**
 * Read-change-write on the owner's cart with optimistic concurrency: `change` may run more than
 * once (on a fresh read each time) and answers the changes to write, or null for none.
 */
export async function changeCart(
  owner: CartOwner,
  change: (cart: StoredCart) => CartChanges | null | Promise<CartChanges | null>,
): Promise<StoredCart> {
  for (let attempt = 0; attempt < maxAttempts; attempt += 1) {
    const cart = await ensureCart(owner);
    const changes = await change(cart);
    if (!changes) return cart;
    if (await writeCart(cart, changes, owner)) return afterChanges(cart, changes);
  }
  throw new TRPCError({
    code: 'CONFLICT',
    message: 'Your cart is being changed elsewhere; please try again',
  });
}

/** Adds `quantity` of a SKU to lines (capped at the per-line maximum), keeping line order. */
export function linesWithAdded(
  lines: readonly CartLineRecord[],
  added: Pick<CartLineRecord, 'sku' | 'quantity'> & Partial<CartLineRecord>,
  now = new Date(),
): CartLineRecord[] {
  const existing = lines.find((line) => line.sku === added.sku);
  if (existing) {
    return lines.map((line) =>
      line === existing
        ? {
            ...line,
            quantity: Math.min(cartLimits.quantityPerLine, line.quantity + added.quantity),
          }
        : { ...line },
    );
  }
  return [
    ...lines.map((line) => ({ ...line })),
    {
      sku: added.sku,
      quantity: Math.min(cartLimits.quantityPerLine, added.quantity),
      seenUnitPriceMinor: added.seenUnitPriceMinor ?? 0,
      addedAt: added.addedAt ?? now,
      productId: added.productId ?? '',
      slug: added.slug ?? '',
      name: added.name ?? '',
      variantLabel: added.variantLabel ?? '',
    },
  ];
}

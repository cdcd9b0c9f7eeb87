import type { DiscountCode } from '@shop/db/order';
import { TRPCError } from '@trpc/server';
import { Types } from 'mongoose';
import { orderDatabase } from './database';
import { derivedObjectId, isDuplicateKeyError } from '@shop/db/claims';
import { formatMoney } from '@shop/money';
import { discountAmount } from './totals';

export type StoredDiscountCode = DiscountCode & { _id: Types.ObjectId };

/** Codes are compared upper-cased: `welcome10` is WELCOME10. */
export function normaliseCode(code: string): string {
  return code.trim().toUpperCase();
}

/** Who a per-customer limit counts: the account, else the lower-cased email of a guest. */
export function customerKeyOf(customer: { accountId?: string; email?: string }): string | null {
  if (customer.accountId) return `account:${customer.accountId}`;
  if (customer.email) return `email:${customer.email.trim().toLowerCase()}`;
  return null;
}

/** "10% off orders of €50.00 or more", "€5.00 off". */
export function describeDiscount(
  code: Pick<StoredDiscountCode, 'kind' | 'value' | 'minSpendMinor'>,
  currency: string,
): string {
  const off =
    code.kind === 'percentage' ? `${code.value}% off` : `${formatMoney(code.value, currency)} off`;
  const minSpend = code.minSpendMinor ?? 0;
  return minSpend > 0 ? `${off} orders of ${formatMoney(minSpend, currency)} or more` : off;
}

export type DiscountCheck =
  | { ok: true; code: StoredDiscountCode; amountMinor: number; description: string }
  | { ok: false; reason: 'unknown' | 'refused'; message: string };

function customerUseId(code: string, customerKey: string) {
  return derivedObjectId(`discount-use:${code}:${customerKey}`);
}

export async function findDiscountCode(code: string): Promise<StoredDiscountCode | null> {
  const { DiscountCode } = await orderDatabase.models();
  return DiscountCode.findOne({ code: normaliseCode(code) }).lean<StoredDiscountCode>();
}

/**
 * Whether `code` applies to a cart with this subtotal for this customer now, and how much it
 * takes off. Read-only: the use is counted when the order is placed (`redeemDiscount`).
 */
export async function checkDiscount(
  rawCode: string,
  subtotalMinor: number,
  currency: string,
  customerKey: string | null,
  now = new Date(),
): Promise<DiscountCheck> {
  const code = normaliseCode(rawCode);
  const stored = await findDiscountCode(code);
  if (!stored || !stored.active) {
    return { ok: false, reason: 'unknown', message: `There is no discount code ${code}.` };
  }
  if (stored.startsAt && stored.startsAt > now) {
    return { ok: false, reason: 'refused', message: `The code ${code} is not valid yet.` };
  }
  if (stored.expiresAt && stored.expiresAt <= now) {
    return { ok: false, reason: 'refused', message: `The code ${code} has expired.` };
  }
  if (stored.usageLimit != null && stored.usedCount >= stored.usageLimit) {
    return { ok: false, reason: 'refused', message: `The code ${code} has been used up.` };
  }
  const minSpend = stored.minSpendMinor ?? 0;
  if (subtotalMinor < minSpend) {
    return {
      ok: false,
      reason: 'refused',
      message: `The code ${code} needs a subtotal of ${formatMoney(minSpend, currency)}; add ${formatMoney(minSpend - subtotalMinor, currency)} more.`,
    };
  }
  if (customerKey && stored.perCustomerLimit != null) {
    const { DiscountCustomerUse } = await orderDatabase.models();
    const use = await DiscountCustomerUse.findById(customerUseId(code, customerKey)).lean();
    if ((use?.uses ?? 0) >= stored.perCustomerLimit) {
      return {
        ok: false,
        reason: 'refused',
        message: `You have already used the code ${code}${stored.perCustomerLimit > 1 ? ` ${stored.perCustomerLimit} times` : ''}.`,
      };
    }
  }
  return {
    ok: true,
    code: stored,
    amountMinor: discountAmount(subtotalMinor, stored),
    description: describeDiscount(stored, currency),
  };
}

/**
 * What `order.applyDiscount` answers for every code that does not apply, unknown or known: the
 * same status and sentence, so the answer never tells a guesser that a code exists. The reason
 * is told only once the code has applied to the cart (the notices of `priced-cart.ts`, the
 * checkout's per-customer refusal).
 */
export const codeNotValidMessage = 'This code is not valid for your cart.';

export function discountNotValid(): TRPCError {
  return new TRPCError({ code: 'CONFLICT', message: codeNotValidMessage });
}

/**
 * Counts one use of `code` for `orderId`: first the customer's counter, then the code's, each by
 * a conditional `$inc` whose filter holds the limit, so concurrent checkouts can never pass a
 * limit (no transaction or unique index needed). A refusal gives back what was already taken.
 * Idempotent per order: the redemption record (`_id` = order id) is inserted first as the claim.
 * Returns the refusal message, or null when the use was counted.
 */
export async function redeemDiscount(
  orderId: Types.ObjectId,
  code: StoredDiscountCode,
  customerKey: string,
): Promise<string | null> {
  const { DiscountCode, DiscountCustomerUse, DiscountRedemption } = await orderDatabase.models();
  const useId = customerUseId(code.code, customerKey);
  try {
    await DiscountRedemption.create({
      _id: orderId,
      codeId: code._id,
      code: code.code,
      customerUseId: useId,
    });
  } catch (error) {
    if (isDuplicateKeyError(error)) return null; // this order's use was already counted
    throw error;
  }
  const refuse = async (message: string) => {
    await DiscountRedemption.deleteOne({ _id: orderId });
    return message;
  };

  try {
    await DiscountCustomerUse.updateOne(
      { _id: useId },
      { $setOnInsert: { code: code.code, customerKey, uses: 0 } },
      { upsert: true },
    );
  } catch (error) {
    // Another checkout created the counter at the same moment: it exists now, which is all we need.
    if (!isDuplicateKeyError(error)) throw error;
  }
  const customerFilter =
    code.perCustomerLimit != null ? { uses: { $lt: code.perCustomerLimit } } : {};
  const customerTaken = await DiscountCustomerUse.updateOne(
    { _id: useId, ...customerFilter },
    { $inc: { uses: 1 } },
  );
  if (customerTaken.modifiedCount !== 1) {
    return refuse(`You have already used the code ${code.code}.`);
  }
  const codeFilter = code.usageLimit != null ? { usedCount: { $lt: code.usageLimit } } : {};
  const codeTaken = await DiscountCode.updateOne(
    { _id: code._id, active: true, ...codeFilter },
    { $inc: { usedCount: 1 } },
  );
  if (codeTaken.modifiedCount !== 1) {
    await DiscountCustomerUse.updateOne({ _id: useId, uses: { $gt: 0 } }, { $inc: { uses: -1 } });
    return refuse(`The code ${code.code} has been used up.`);
  }
  return null;
}

/**
 * Gives an order's discount use back (the order was cancelled): both counters go down by one,
 * once, however often this is called (the redemption is marked released by a conditional update
 * first). An order without a discount is a no-op. Called by the order saga on cancellation.
 */
export async function releaseDiscountUse(orderId: string | Types.ObjectId): Promise<boolean> {
  if (typeof orderId === 'string' && !Types.ObjectId.isValid(orderId)) return false;
  const { DiscountCode, DiscountCustomerUse, DiscountRedemption } = await orderDatabase.models();
  const redemption = await DiscountRedemption.findOneAndUpdate(
    { _id: new Types.ObjectId(orderId), releasedAt: null },
    { $set: { releasedAt: new Date() } },
    { returnDocument: 'after' },
  ).lean();
  if (!redemption) return false;
  await DiscountCustomerUse.updateOne(
    { _id: redemption.customerUseId, uses: { $gt: 0 } },
    { $inc: { uses: -1 } },
  );
  await DiscountCode.updateOne(
    { _id: redemption.codeId, usedCount: { $gt: 0 } },
    { $inc: { usedCount: -1 } },
  );
  return true;
}

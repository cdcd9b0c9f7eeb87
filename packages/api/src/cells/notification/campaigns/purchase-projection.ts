import { notificationDatabase } from '../database';

/** One paid order, as the purchase projection counts it. */
export interface CountedPurchase {
  email: string;
  accountId?: string | null;
  orderNumber: string;
  totalMinor: number;
  currency: string;
  placedAt: Date;
  /** Categories of the products bought, with their parents. */
  categorySlugs: string[];
}

/**
 * Adds one paid order to its customer's row of the purchase projection (campaign segments),
 * once: an order already counted (a redelivered event) changes nothing.
 */
export async function recordPurchase(purchase: CountedPurchase): Promise<'counted' | 'already'> {
  const { CustomerPurchase } = await notificationDatabase.models();
  const email = purchase.email.trim().toLowerCase();
  const currency = purchase.currency.toUpperCase();
  const update = {
    $max: { lastOrderAt: purchase.placedAt },
    $inc: { orderCount: 1, [`lifetimeValue.${currency}`]: purchase.totalMinor },
    $addToSet: {
      categorySlugs: { $each: purchase.categorySlugs },
      orderNumbers: purchase.orderNumber,
    },
    ...(purchase.accountId && { $set: { accountId: purchase.accountId } }),
  };
  const existing = await CustomerPurchase.updateOne(
    { email, orderNumbers: { $ne: purchase.orderNumber } },
    update,
  );
  if (existing.modifiedCount === 1) return 'counted';
  if (await CustomerPurchase.exists({ email })) return 'already';
  // First order of this address. Two first orders at once: the unique email index refuses one
  // and its step is retried, which then takes the update above.
  await CustomerPurchase.create({
    email,
    accountId: purchase.accountId ?? null,
    lastOrderAt: purchase.placedAt,
    orderCount: 1,
    lifetimeValue: { [currency]: purchase.totalMinor },
    categorySlugs: [...new Set(purchase.categorySlugs)],
    orderNumbers: [purchase.orderNumber],
  });
  return 'counted';
}

import type { Order } from '@shop/db/order';
import { Types, type QueryFilter } from 'mongoose';
import { inngestFor } from '../../../events/inngest-client';
import { accountDeleted } from '../../../events/schemas';
import { cancelOrder } from '../cancel-order';
import { orderDatabase } from '../database';
import { isObjectIdText } from '../../../ids/object-id-text';

/** This function's steps (ids: the executor stores runs by them). */
export const erasePersonalDataStepIds = {
  cancelUnpaidOrders: 'cancel-unpaid-orders',
  anonymiseOrders: 'anonymise-orders',
  deleteCart: 'delete-cart',
} as const;

type OrderAddress = NonNullable<Order['shippingAddress']>;

/** Keeps only what tax reporting needs from an address: its country and region. */
function anonymisedAddress(address: OrderAddress | null | undefined): OrderAddress | undefined {
  if (!address) return undefined;
  return {
    name: '',
    line1: '',
    line2: '',
    city: '',
    region: address.region ?? '',
    postcode: '',
    country: address.country ?? '',
    phone: '',
  };
}

function ownersOf(data: { accountId: string; email: string }): QueryFilter<Order>[] {
  const owners: QueryFilter<Order>[] = [{ 'customer.email': data.email.toLowerCase() }];
  if (isObjectIdText(data.accountId)) {
    owners.push({ accountId: new Types.ObjectId(data.accountId) });
  }
  return owners;
}

/**
 * Account deletion, order cell: orders are kept, because accounting must keep every sale (number,
 * dates, status, line items, totals, currency, and the country and region tax is due in). What
 * identifies the person goes: the contact name, email and phone, the address lines, city and
 * postcode, and the link to the account. Orders placed as a guest with the same email are
 * included. Orders still waiting for payment are cancelled first (nobody is left to pay them;
 * their stock and payment are given back by the usual compensation). An anonymised order no
 * longer matches the filter and a cancelled one is not cancelled again, so a retry only finishes
 * the rest. The account's cart is deleted.
 */
export const erasePersonalData = inngestFor('order').createFunction(
  { id: 'erase-personal-data', triggers: [accountDeleted] },
  async ({ event, step }) => {
    const owners = ownersOf(event.data);
    const cancelled = await step.run(erasePersonalDataStepIds.cancelUnpaidOrders, async () => {
      const { Order } = await orderDatabase.models();
      const unpaid = await Order.find(
        { $or: owners, status: { $in: ['PENDING', 'PAYMENT_PROCESSING'] } },
        { _id: 1 },
      ).lean();
      for (const order of unpaid) {
        await cancelOrder(String(order._id), {
          code: 'account_deleted',
          message: 'The order was cancelled because the account was deleted.',
          actor: { type: 'system', id: 'erase-personal-data' },
          from: ['PENDING', 'PAYMENT_PROCESSING'],
        });
      }
      return unpaid.length;
    });
    const anonymised = await step.run(erasePersonalDataStepIds.anonymiseOrders, async () => {
      const { Order } = await orderDatabase.models();
      const orders = await Order.find(
        { $or: owners },
        { shippingAddress: 1, billingAddress: 1 },
      ).lean();
      const anonymisedAt = new Date();
      // One write per order (addresses differ); no positional array updates are involved.
      for (const order of orders) {
        const shippingAddress = anonymisedAddress(order.shippingAddress);
        const billingAddress = anonymisedAddress(order.billingAddress);
        await Order.updateOne(
          { _id: order._id },
          {
            $set: {
              customer: { name: 'Deleted customer' },
              anonymisedAt,
              ...(shippingAddress && { shippingAddress }),
              ...(billingAddress && { billingAddress }),
            },
            // Carriers' tracking links carry the destination postcode (PostNL's `P=`).
            $unset: {
              accountId: 1,
              guestAccessTokenHash: 1,
              guestLookupTokenHashes: 1,
              guestCancelLink: 1,
              'shipment.trackingUrl': 1,
            },
          },
        );
      }
      return orders.length;
    });
    // The account's cart holds only the account id and product lines, but it is theirs: it goes.
    const cartsDeleted = await step.run(erasePersonalDataStepIds.deleteCart, async () => {
      if (!Types.ObjectId.isValid(event.data.accountId)) return 0;
      const { Cart } = await orderDatabase.models();
      const { deletedCount } = await Cart.deleteMany({
        accountId: new Types.ObjectId(event.data.accountId),
      });
      return deletedCount;
    });
    return { ordersCancelled: cancelled, ordersAnonymised: anonymised, cartsDeleted };
  },
);

import { orderModels, type Order } from '@shop/db/order';
import { Types, type QueryFilter } from 'mongoose';
import { inngestFor } from '../../events/inngest-client';
import { accountDeleted } from '../../events/schemas';
import { domainDatabase } from '../domain-database';

const orderDatabase = domainDatabase('order', orderModels);

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

/**
 * Account deletion, order cell: orders are kept, because accounting must keep every sale (number,
 * dates, status, line items, totals, currency, and the country and region tax is due in). What
 * identifies the person goes: the contact name, email and phone, the address lines, city and
 * postcode, and the link to the account. Orders placed as a guest with the same email are
 * included. An anonymised order no longer matches the filter, so a retry only finishes the rest.
 */
export const erasePersonalData = inngestFor('order').createFunction(
  { id: 'erase-personal-data', triggers: [accountDeleted] },
  async ({ event, step }) => {
    return step.run('anonymise-orders', async () => {
      const { Order } = await orderDatabase.models();
      const owners: QueryFilter<Order>[] = [{ 'customer.email': event.data.email.toLowerCase() }];
      if (/^[0-9a-f]{24}$/i.test(event.data.accountId)) {
        owners.push({ accountId: new Types.ObjectId(event.data.accountId) });
      }
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
            $unset: { accountId: 1 },
          },
        );
      }
      return { ordersAnonymised: orders.length };
    });
  },
);

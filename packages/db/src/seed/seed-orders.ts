import { type Types } from 'mongoose';
import { type NotificationModels } from '../notification';
import { type OrderModels } from '../order';
import { type PaymentModels } from '../payment';
import { type DemoOrder } from './demo-orders';
import { upsertBy } from './upsert-by';

/** The shopper's orders (by number), their payments (by idempotency key) and the emails sent. */
export async function seedOrders(
  orders: readonly DemoOrder[],
  shopper: { id: Types.ObjectId; email: string },
  { Order }: OrderModels,
  { Payment }: PaymentModels,
  { Message }: NotificationModels,
): Promise<void> {
  await upsertBy(
    Message,
    { to: shopper.email, template: 'welcome' },
    {
      to: shopper.email,
      template: 'welcome',
      subject: 'Welcome to the shop',
      status: 'sent',
      attempts: 1,
    },
  );

  for (const order of orders) {
    await upsertBy(
      Order,
      { number: order.number },
      {
        number: order.number,
        accountId: shopper.id,
        status: order.status,
        lines: order.lines,
        totalMinor: order.totalMinor,
        currency: order.currency,
        idempotencyKey: `seed-order-${order.number}`,
      },
      order.placedAt,
    );
    await upsertBy(
      Payment,
      { idempotencyKey: `seed-payment-${order.number}` },
      {
        orderNumber: order.number,
        amountMinor: order.totalMinor,
        currency: order.currency,
        status: order.paymentStatus,
        idempotencyKey: `seed-payment-${order.number}`,
      },
      order.placedAt,
    );
    const template = order.status === 'CANCELLED' ? 'order-cancelled' : 'order-confirmed';
    const subject =
      order.status === 'CANCELLED'
        ? `Your order ${order.number} was cancelled`
        : `Your order ${order.number} is confirmed`;
    await upsertBy(
      Message,
      { to: shopper.email, template, subject },
      { to: shopper.email, template, subject, status: 'sent', attempts: 1 },
      order.placedAt,
    );
  }
}

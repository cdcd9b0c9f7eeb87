import { Types } from 'mongoose';
import { type NotificationModels } from '../notification';
import { type OrderModels } from '../order';
import { orderNumberBase, orderNumberSequenceId } from '../order/order-placement-models';
import { checkoutSettingsKey, defaultCheckoutSettings } from '../order/shop-settings-model';
import { type PaymentModels } from '../payment';
import { type DemoOrder } from './demo-orders';
import { upsertBy } from './upsert-by';

/** The shopper's Amsterdam address, as the order copied it at checkout. */
const shippingAddress = {
  name: 'Sam Shopper',
  line1: 'Keizersgracht 123',
  line2: '',
  city: 'Amsterdam',
  region: '',
  postcode: '1015 CJ',
  country: 'NL',
  phone: '+31612345678',
};

/** Discount codes a new shop starts with (created once; staff changes are kept on reseeding). */
const demoDiscountCodes = [
  {
    code: 'WELCOME10',
    kind: 'percentage',
    value: 10,
    minSpendMinor: 5000,
    perCustomerLimit: 1,
    active: true,
  },
  { code: 'FIVEOFF', kind: 'fixed', value: 500, minSpendMinor: 0, active: true },
] as const;

const minutesAfter = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

/**
 * The shopper's orders (by number), their payments (by idempotency key) and the emails sent; the
 * order-number counter past them; the demo discount codes and checkout settings (insert only).
 */
export async function seedOrders(
  orders: readonly DemoOrder[],
  shopper: { id: Types.ObjectId; email: string },
  { Order, Sequence, DiscountCode, ShopSettings }: OrderModels,
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
    const history = [
      {
        to: 'PENDING',
        at: order.placedAt,
        actor: { type: 'customer', id: shopper.id.toString() },
        reason: 'Order placed',
      },
      ...order.steps.map((step, index) => ({
        from: index === 0 ? 'PENDING' : order.steps[index - 1]?.to,
        to: step.to,
        at: minutesAfter(order.placedAt, step.afterMinutes),
        actor: { type: 'system', id: 'order-saga' },
        reason: step.reason,
      })),
    ];
    const delivered = order.steps.find((step) => step.to === 'DELIVERED');
    const lastStep = order.steps.at(-1);
    // Dated relative to the seeding (demo-orders.ts): a rerun moves `createdAt` (what the home's
    // sales count by) with the history, where upsertBy would keep the first run's.
    await Order.updateOne(
      { number: order.number },
      {
        $set: {
          createdAt: order.placedAt,
          updatedAt: lastStep
            ? minutesAfter(order.placedAt, lastStep.afterMinutes)
            : order.placedAt,
          number: order.number,
          accountId: shopper.id,
          status: order.status,
          lines: order.lines,
          subtotalMinor: order.subtotalMinor,
          discountMinor: 0,
          shippingMinor: order.shippingMinor,
          taxMinor: order.taxMinor,
          taxRateBasisPoints: order.taxRateBasisPoints,
          pricesIncludeTax: order.pricesIncludeTax,
          shippingTaxMinor: order.shippingTaxMinor,
          totalMinor: order.totalMinor,
          currency: order.currency,
          shipping: {
            methodId: 'standard',
            name: 'Standard delivery',
            priceMinor: order.shippingMinor,
            minDays: 3,
            maxDays: 5,
          },
          paymentMethod: 'card',
          history,
          ...(order.cancellation && { cancellation: order.cancellation }),
          ...(order.shipment && {
            shipment: {
              carrier: order.shipment.carrier,
              trackingNumber: order.shipment.trackingNumber,
              trackingUrl: order.shipment.trackingUrl,
              shippedAt: minutesAfter(order.placedAt, order.shipment.afterMinutes),
            },
          }),
          ...(delivered && { deliveredAt: minutesAfter(order.placedAt, delivered.afterMinutes) }),
          idempotencyKey: `seed-order-${order.number}`,
          reservationId: order.number,
          customer: {
            name: shippingAddress.name,
            email: shopper.email,
            phone: shippingAddress.phone,
          },
          shippingAddress,
          billingAddress: shippingAddress,
        },
      },
      { upsert: true, runValidators: true, timestamps: false },
    );
    const stored = await Order.findOne({ number: order.number }).select({ _id: 1 }).lean();
    const orderId = stored?._id.toString();
    const captured = order.paymentStatus === 'succeeded' ? order.totalMinor : 0;
    const paymentKey = `seed-payment-${order.number}`;
    // The payment cell finds an order's payment by `_id` = the order id (see payment-model.ts);
    // a payment seeded before that rule, under another id, is replaced.
    const paymentId = orderId ? new Types.ObjectId(orderId) : undefined;
    if (paymentId)
      await Payment.deleteMany({ idempotencyKey: paymentKey, _id: { $ne: paymentId } });
    const paymentFilter = paymentId ? { _id: paymentId } : { idempotencyKey: paymentKey };
    await upsertBy(
      Payment,
      paymentFilter,
      {
        ...(orderId && { orderId }),
        orderNumber: order.number,
        provider: 'test',
        method: 'card',
        amountMinor: order.totalMinor,
        capturedMinor: captured,
        refundableMinor: captured,
        currency: order.currency,
        status: order.paymentStatus,
        idempotencyKey: paymentKey,
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

  // New orders are numbered after the seeded ones (the counter only ever grows).
  const highest = Math.max(
    0,
    ...orders.map((order) => Number(order.number.replace(/^SO-/, '')) - orderNumberBase),
  );
  await Sequence.updateOne(
    { _id: orderNumberSequenceId },
    { $max: { value: highest }, $setOnInsert: { name: 'order-number' } },
    { upsert: true },
  );

  for (const { code, ...terms } of demoDiscountCodes) {
    await DiscountCode.updateOne(
      { code },
      { $setOnInsert: { ...terms, usedCount: 0 } },
      { upsert: true },
    );
  }
  await ShopSettings.updateOne(
    { key: checkoutSettingsKey },
    {
      $setOnInsert: {
        pricesIncludeTax: defaultCheckoutSettings.pricesIncludeTax,
        shippingMethods: defaultCheckoutSettings.shippingMethods.map((method) => ({ ...method })),
        taxRates: defaultCheckoutSettings.taxRates.map((rate) => ({ ...rate })),
      },
    },
    { upsert: true },
  );
}

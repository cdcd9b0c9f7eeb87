import { connectDomainDatabase } from '@shop/db';
import { orderModels } from '@shop/db/order';
import { productModels } from '@shop/db/product';
import { waitFor } from '@shop/db/testing';
import { Types } from 'mongoose';
import { createCellClient } from '../../src/client';

/**
 * Orders for the saga and lifecycle tests, written straight into the order cell's database and
 * announced with `order/order.created`, exactly what `order.place` leaves behind, so these tests
 * exercise the saga alone. Import after the host started (the event client reads INNGEST_*).
 */

let sequence = 9_000_000 + Math.floor(Math.random() * 900_000);

export interface TestOrderLine {
  sku: string;
  quantity: number;
}

export async function stockOf(sku: string) {
  const { InventoryItem } = productModels(await connectDomainDatabase('product'));
  const item = await InventoryItem.findOne({ sku }).lean();
  return {
    onHand: item?.onHand ?? 0,
    available: item?.available ?? 0,
    reserved: item?.reserved ?? 0,
  };
}

export async function setStock(sku: string, units: number): Promise<void> {
  const { InventoryItem } = productModels(await connectDomainDatabase('product'));
  await InventoryItem.updateOne(
    { sku },
    { $set: { onHand: units, available: units, reserved: 0 } },
  );
}

/** Active single-variant SKUs with at least `minimum` units available. */
export async function stockedSkus(count: number, minimum = 20): Promise<string[]> {
  const { InventoryItem } = productModels(await connectDomainDatabase('product'));
  const items = await InventoryItem.find({ available: { $gte: minimum } })
    .limit(count * 3)
    .lean();
  return items.map((item) => item.sku).slice(0, count);
}

export async function createTestOrder(options: {
  lines: TestOrderLine[];
  paymentMethod?: 'card' | 'cash_on_delivery';
  accountId?: string;
  email?: string;
  guestAccessTokenHash?: string;
}): Promise<{ orderId: string; number: string; totalMinor: number }> {
  const products = productModels(await connectDomainDatabase('product'));
  const { Order } = orderModels(await connectDomainDatabase('order'));
  const lines = [];
  for (const { sku, quantity } of options.lines) {
    const product = await products.Product.findOne({ 'variants.sku': sku }).lean();
    const variant = product?.variants.find((entry) => entry.sku === sku);
    if (!product || !variant) throw new Error(`no product for ${sku}`);
    lines.push({
      productId: String(product._id),
      productSlug: product.slug,
      sku,
      name: product.name,
      variantLabel: '',
      unitPriceMinor: variant.priceMinor,
      quantity,
      lineTotalMinor: variant.priceMinor * quantity,
    });
  }
  const subtotalMinor = lines.reduce((sum, line) => sum + line.lineTotalMinor, 0);
  const shippingMinor = 495;
  const totalMinor = subtotalMinor + shippingMinor;
  sequence += 1;
  const number = `SO-${sequence}`;
  const email = options.email ?? 'saga-shopper@example.com';
  const order = await Order.create({
    number,
    status: 'PENDING',
    ...(options.accountId && { accountId: new Types.ObjectId(options.accountId) }),
    lines,
    subtotalMinor,
    shippingMinor,
    totalMinor,
    currency: 'EUR',
    shipping: { methodId: 'standard', name: 'Standard', priceMinor: shippingMinor },
    paymentMethod: options.paymentMethod ?? 'card',
    customer: { name: 'Sam Saga', email },
    shippingAddress: {
      name: 'Sam Saga',
      line1: '1 Test Street',
      city: 'Dublin',
      postcode: 'D01',
      country: 'IE',
    },
    ...(options.guestAccessTokenHash && { guestAccessTokenHash: options.guestAccessTokenHash }),
    history: [{ to: 'PENDING', at: new Date(), actor: { type: 'customer' }, reason: 'Placed' }],
  });
  const orderId = String(order._id);
  const { sendEvent } = await import('../../src/events/inngest-client');
  const { orderCreated } = await import('../../src/events/schemas');
  await sendEvent('order', orderCreated, {
    orderId,
    number,
    ...(options.accountId && { accountId: options.accountId }),
    email,
    name: 'Sam Saga',
    totalMinor,
    currency: 'EUR',
    paymentMethod: options.paymentMethod ?? 'card',
    lines: lines.map((line) => ({
      productId: line.productId,
      sku: line.sku,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
    })),
  });
  return { orderId, number, totalMinor };
}

export async function readOrder(orderId: string) {
  const { Order } = orderModels(await connectDomainDatabase('order'));
  return Order.findById(orderId).lean();
}

/** Polls the stored order until `done` holds (the saga runs on the executor). */
export async function waitForOrder(
  orderId: string,
  done: (order: NonNullable<Awaited<ReturnType<typeof readOrder>>>) => boolean,
  timeoutMs = 20_000,
) {
  const seen: { order?: Awaited<ReturnType<typeof readOrder>> } = {};
  return waitFor(
    async () => {
      const order = (seen.order = await readOrder(orderId));
      return order && done(order) ? order : undefined;
    },
    { what: `order ${orderId} to move on`, timeoutMs, intervalMs: 100 },
  ).catch((error: unknown) => {
    throw new Error(`${(error as Error).message}; it is still ${seen.order?.status ?? 'missing'}`);
  });
}

export const settled = (order: { status: string }) =>
  order.status === 'CONFIRMED' || order.status === 'CANCELLED';

/** Pays the order's card payment on the test processor, as the pay page would. */
export async function payWithTestCard(
  hostUrl: string,
  orderId: string,
  cardNumber = '4242424242424242',
  payFormTimeoutMs = 20_000,
) {
  const order = await waitForOrder(
    orderId,
    (current) => Boolean(current.payment?.clientSecret) || current.status === 'CANCELLED',
    payFormTimeoutMs,
  );
  if (!order.payment?.clientSecret) throw new Error(`order ${orderId} has no payment to confirm`);
  const client = createCellClient({ urlFor: () => `${hostUrl}/trpc` });
  return client.payment.confirmTestPayment.mutate({
    paymentId: order.payment.paymentId,
    clientSecret: order.payment.clientSecret,
    card: { number: cardNumber, expMonth: 12, expYear: 2034, cvc: '123' },
  });
}

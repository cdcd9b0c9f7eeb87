import { type AnalyticsModels } from '../analytics';
import { type GeneratedProduct } from './catalog/catalog-types';
import { type DemoOrder } from './demo-orders';
import { upsertBy } from './upsert-by';

/** A short, fixed history of events, matched by name, source and order number (or time). */
export async function seedAnalyticsEvents(
  orders: readonly DemoOrder[],
  products: readonly GeneratedProduct[],
  { AnalyticsEvent }: AnalyticsModels,
): Promise<void> {
  const events: {
    name: string;
    occurredAt: Date;
    source: string;
    properties: Record<string, unknown>;
  }[] = [];
  products.slice(0, 6).forEach((product, index) => {
    events.push({
      name: 'product/product.viewed',
      occurredAt: new Date(Date.UTC(2025, 4, 1, 9, index * 7)),
      source: 'storefront',
      properties: { productSlug: product.slug },
    });
  });
  for (const order of orders) {
    const at = (minutes: number) => new Date(order.placedAt.getTime() + minutes * 60_000);
    const properties = {
      orderNumber: order.number,
      totalMinor: order.totalMinor,
      currency: order.currency,
    };
    events.push({ name: 'order/order.created', occurredAt: at(0), source: 'order', properties });
    const paid = order.status !== 'CANCELLED';
    events.push({
      name: paid ? 'payment/payment.succeeded' : 'payment/payment.failed',
      occurredAt: at(1),
      source: 'payment',
      properties,
    });
    if (!paid) {
      events.push({
        name: 'order/order.cancelled',
        occurredAt: at(2),
        source: 'order',
        properties,
      });
    }
  }
  for (const event of events) {
    // An order's events are its own whatever its date: the demo orders are dated relative to
    // the seeding (demo-orders.ts), so a rerun moves them instead of adding a second copy.
    const orderNumber = event.properties.orderNumber;
    await upsertBy(
      AnalyticsEvent,
      typeof orderNumber === 'string'
        ? { name: event.name, source: event.source, 'properties.orderNumber': orderNumber }
        : { name: event.name, occurredAt: event.occurredAt, source: event.source },
      event,
      event.occurredAt,
    );
  }
}

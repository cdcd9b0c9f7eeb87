import { type OrderStatus } from '../order/order-statuses';
import { type PaymentStatus } from '../payment/payment-model';
import { type GeneratedProduct } from './catalog/catalog-types';

export interface DemoOrder {
  number: string;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  placedAt: Date;
  lines: { productSlug: string; name: string; unitPriceMinor: number; quantity: number }[];
  totalMinor: number;
  currency: 'EUR';
}

/**
 * Which products each demo order buys (positions among the catalog's active, in-stock products)
 * and how it ended. Fixed, so reruns match.
 */
const orderPlans = [
  {
    number: 'SO-100001',
    status: 'DELIVERED',
    paymentStatus: 'succeeded',
    placedAt: '2025-05-04T10:15:00Z',
    items: [
      [0, 1],
      [9, 2],
    ],
  },
  {
    number: 'SO-100002',
    status: 'CONFIRMED',
    paymentStatus: 'succeeded',
    placedAt: '2025-06-01T18:40:00Z',
    items: [[17, 1]],
  },
  {
    number: 'SO-100003',
    status: 'CANCELLED',
    paymentStatus: 'failed',
    placedAt: '2025-06-03T08:05:00Z',
    items: [[25, 1]],
  },
] as const;

export function demoOrders(products: readonly GeneratedProduct[]): DemoOrder[] {
  const buyable = products.filter((product) => product.status === 'active' && product.inStock);
  return orderPlans.map((plan) => {
    const lines = plan.items.map(([position, quantity]) => {
      const product = buyable[position];
      if (!product)
        throw new Error(`demo order ${plan.number} refers to missing product #${position}`);
      return {
        productSlug: product.slug,
        name: product.name,
        unitPriceMinor: product.priceMinMinor,
        quantity,
      };
    });
    return {
      number: plan.number,
      status: plan.status,
      paymentStatus: plan.paymentStatus,
      placedAt: new Date(plan.placedAt),
      lines,
      totalMinor: lines.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0),
      currency: 'EUR',
    };
  });
}

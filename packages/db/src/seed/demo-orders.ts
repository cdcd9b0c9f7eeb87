import { defaultCheckoutSettings } from '../order/shop-settings-model';
import { type OrderStatus } from '../order/order-statuses';
import { type PaymentStatus } from '../payment/payment-model';
import { type GeneratedProduct } from './catalog/catalog-types';

export interface DemoOrderLine {
  productId: string;
  productSlug: string;
  sku: string;
  name: string;
  variantLabel: string;
  imageUrl?: string;
  unitPriceMinor: number;
  quantity: number;
  lineTotalMinor: number;
  /** The demo catalogue's products are all of the standard class. */
  taxClass: 'standard';
  taxRateBasisPoints: number;
  discountMinor: number;
  taxMinor: number;
}

export interface DemoOrder {
  number: string;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  placedAt: Date;
  lines: DemoOrderLine[];
  subtotalMinor: number;
  shippingMinor: number;
  taxMinor: number;
  taxRateBasisPoints: number;
  /** The demo shop's prices include VAT, as the checkout's default. */
  pricesIncludeTax: true;
  shippingTaxMinor: number;
  totalMinor: number;
  currency: 'EUR';
  /** The statuses it went through after PENDING, each with minutes after placing and a reason. */
  steps: { to: OrderStatus; afterMinutes: number; reason: string }[];
  cancellation?: { code: string; message: string };
  shipment?: { carrier: string; trackingNumber: string; trackingUrl: string; afterMinutes: number };
}

/** The demo shopper's orders go to their Amsterdam address: Dutch VAT, standard delivery. */
const destinationCountry = 'NL';

const paidSteps = [
  { to: 'PAYMENT_PROCESSING', afterMinutes: 0, reason: 'Stock reserved' },
  { to: 'CONFIRMED', afterMinutes: 1, reason: 'Payment received' },
] as const;

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
    steps: [
      ...paidSteps,
      { to: 'PROCESSING', afterMinutes: 120, reason: 'Packing' },
      { to: 'SHIPPED', afterMinutes: 1_440, reason: 'Handed to PostNL' },
      { to: 'DELIVERED', afterMinutes: 2_880, reason: 'Delivered' },
    ],
    shipment: {
      carrier: 'PostNL',
      trackingNumber: '3SDEMO1000011',
      trackingUrl: 'https://postnl.nl/tracktrace/?B=3SDEMO1000011&P=1015CJ&D=NL',
      afterMinutes: 1_440,
    },
  },
  {
    number: 'SO-100002',
    status: 'CONFIRMED',
    paymentStatus: 'succeeded',
    placedAt: '2025-06-01T18:40:00Z',
    items: [[17, 1]],
    steps: [...paidSteps],
  },
  {
    number: 'SO-100003',
    status: 'CANCELLED',
    paymentStatus: 'failed',
    placedAt: '2025-06-03T08:05:00Z',
    items: [[25, 1]],
    steps: [
      { to: 'PAYMENT_PROCESSING', afterMinutes: 0, reason: 'Stock reserved' },
      { to: 'CANCELLED', afterMinutes: 2, reason: 'Your card was declined.' },
    ],
    cancellation: { code: 'payment_failed', message: 'Your card was declined.' },
  },
] as const;

/** round-half-up(n / d) in whole numbers, as the order cell computes tax. */
const divideRoundingHalfUp = (n: number, d: number) => Math.floor((n + Math.floor(d / 2)) / d);
/** The VAT contained in a price that includes it (docs/taxes.md). */
const taxContained = (gross: number, bp: number) => divideRoundingHalfUp(gross * bp, 10_000 + bp);

export function demoOrders(products: readonly GeneratedProduct[]): DemoOrder[] {
  const buyable = products.filter((product) => product.status === 'active' && product.inStock);
  const standard = defaultCheckoutSettings.shippingMethods[0];
  const taxRate =
    defaultCheckoutSettings.taxRates.find((rate) => rate.country === destinationCountry)
      ?.taxRateBasisPoints ?? 0;
  return orderPlans.map((plan) => {
    const lines = plan.items.map(([position, quantity]): DemoOrderLine => {
      const product = buyable[position];
      const variant = product?.variants.find((v) => v.priceMinor === product.priceMinMinor);
      if (!product || !variant) {
        throw new Error(`demo order ${plan.number} refers to missing product #${position}`);
      }
      const image = product.images[variant.imageIndex] ?? product.images[0];
      return {
        productId: product._id,
        productSlug: product.slug,
        sku: variant.sku,
        name: product.name,
        variantLabel: variant.optionValues.join(' / '),
        ...(image && { imageUrl: image.url }),
        unitPriceMinor: variant.priceMinor,
        quantity,
        lineTotalMinor: variant.priceMinor * quantity,
        taxClass: 'standard',
        taxRateBasisPoints: taxRate,
        discountMinor: 0,
        taxMinor: taxContained(variant.priceMinor * quantity, taxRate),
      };
    });
    const subtotalMinor = lines.reduce((sum, line) => sum + line.lineTotalMinor, 0);
    const shippingMinor = subtotalMinor >= standard.freeOverMinor ? 0 : standard.priceMinor;
    // Prices include VAT (the demo shop's mode): the tax is inside the total, nothing is added.
    const shippingTaxMinor = taxContained(shippingMinor, taxRate);
    const taxMinor = lines.reduce((sum, line) => sum + line.taxMinor, shippingTaxMinor);
    return {
      number: plan.number,
      status: plan.status,
      paymentStatus: plan.paymentStatus,
      placedAt: new Date(plan.placedAt),
      lines,
      subtotalMinor,
      shippingMinor,
      taxMinor,
      taxRateBasisPoints: taxRate,
      pricesIncludeTax: true,
      shippingTaxMinor,
      totalMinor: subtotalMinor + shippingMinor,
      currency: 'EUR',
      steps: plan.steps.map((step) => ({ ...step })),
      ...('cancellation' in plan && { cancellation: { ...plan.cancellation } }),
      ...('shipment' in plan && { shipment: { ...plan.shipment } }),
    };
  });
}

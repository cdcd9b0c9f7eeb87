import { defaultCheckoutSettings } from '../order/shop-settings-model';
import { type OrderStatus } from '../order/order-statuses';
import { type PaymentStatus } from '../payment/payment-model';
import { type GeneratedProduct } from './catalog/catalog-types';
import { seededRandom } from './seeded-random';

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

const dayMs = 24 * 60 * 60_000;

/** When a demo order was placed: whole UTC days before the seeding day, at a UTC time of day. */
interface PlacedAt {
  daysAgo: number;
  /** Minutes after midnight UTC; with `soFar`, a share in percent of the time elapsed today. */
  minuteOfDay: number;
  /**
   * Placed at that day's same share of the time of day as now: an order of today must lie before
   * now, and recent days' orders then fall in the home's comparisons (yesterday until this time,
   * last week until this weekday and time) whenever the demo is opened.
   */
  soFar?: boolean;
}

interface OrderPlan {
  number: string;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  placed: PlacedAt;
  /** [position among the active, in-stock products, quantity] */
  items: readonly (readonly [number, number])[];
  steps: readonly { to: OrderStatus; afterMinutes: number; reason: string }[];
  cancellation?: { code: string; message: string };
  shipment?: { carrier: string; trackingNumber: string; trackingUrl: string; afterMinutes: number };
}

const processingAfter = 120;
const shippedAfter = 1_440;
const deliveredAfter = 2_880;

function shipmentOf(number: string) {
  const trackingNumber = `3SDEMO${number.replace(/\D/g, '')}1`;
  return {
    carrier: 'PostNL',
    trackingNumber,
    trackingUrl: `https://postnl.nl/tracktrace/?B=${trackingNumber}&P=1015CJ&D=NL`,
    afterMinutes: shippedAfter,
  };
}

/** The steps of a paid order that has come as far as `status`. */
function paidStepsTo(status: 'CONFIRMED' | 'PROCESSING' | 'SHIPPED' | 'DELIVERED') {
  const steps: { to: OrderStatus; afterMinutes: number; reason: string }[] = [...paidSteps];
  if (status === 'CONFIRMED') return steps;
  steps.push({ to: 'PROCESSING', afterMinutes: processingAfter, reason: 'Packing' });
  if (status === 'PROCESSING') return steps;
  steps.push({ to: 'SHIPPED', afterMinutes: shippedAfter, reason: 'Handed to PostNL' });
  if (status === 'SHIPPED') return steps;
  steps.push({ to: 'DELIVERED', afterMinutes: deliveredAfter, reason: 'Delivered' });
  return steps;
}

const declinedSteps = [
  { to: 'PAYMENT_PROCESSING', afterMinutes: 0, reason: 'Stock reserved' },
  { to: 'CANCELLED', afterMinutes: 2, reason: 'Your card was declined.' },
] as const;
const declined = { code: 'payment_failed', message: 'Your card was declined.' };

/**
 * The three orders the demo shopper's pages and the tests know by number. SO-100002 waits to be
 * shipped (for 11 days: the home's oldest waiting order); its shopper already reviewed it.
 */
const namedPlans: readonly OrderPlan[] = [
  {
    number: 'SO-100001',
    status: 'DELIVERED',
    paymentStatus: 'succeeded',
    placed: { daysAgo: 20, minuteOfDay: 10 * 60 + 15 },
    items: [
      [0, 1],
      [9, 2],
    ],
    steps: paidStepsTo('DELIVERED'),
    shipment: {
      carrier: 'PostNL',
      trackingNumber: '3SDEMO1000011',
      trackingUrl: 'https://postnl.nl/tracktrace/?B=3SDEMO1000011&P=1015CJ&D=NL',
      afterMinutes: shippedAfter,
    },
  },
  {
    number: 'SO-100002',
    status: 'CONFIRMED',
    paymentStatus: 'succeeded',
    placed: { daysAgo: 11, minuteOfDay: 18 * 60 + 40 },
    items: [[17, 1]],
    steps: paidStepsTo('CONFIRMED'),
  },
  {
    number: 'SO-100003',
    status: 'CANCELLED',
    paymentStatus: 'failed',
    placed: { daysAgo: 3, minuteOfDay: 8 * 60 + 5 },
    items: [[25, 1]],
    steps: declinedSteps,
    cancellation: declined,
  },
];

/** Orders besides the named three, so the home's today, this week and before show sales. */
const generatedOrderCount = 40;
/** Of them, placed today (at shares of the time elapsed since midnight UTC). */
const todayOrderCount = 4;
/** Then these many in the eight days before today (this week and the last). */
const recentOrderCount = 12;
/** Products the generated orders choose from (positions among the buyable ones). */
const choicePositions = 120;

/**
 * The generated orders' plans: which days, products and outcomes, all from one fixed seed, so
 * every seeding makes the same orders; only their dates follow the time of seeding. An order's
 * status is as far as its age allows (packed after 2 hours, shipped after a day, delivered after
 * two), a few recent ones are still waiting, and about one in twelve was declined.
 */
function generatedPlans(buyableCount: number): OrderPlan[] {
  const random = seededRandom(20_261_205);
  const positions = Math.max(1, Math.min(choicePositions, buyableCount));
  return Array.from({ length: generatedOrderCount }, (_, index): OrderPlan => {
    const number = `SO-${100_004 + index}`;
    const daysAgo =
      index < todayOrderCount
        ? 0
        : index < todayOrderCount + recentOrderCount
          ? random.integer(1, 8)
          : random.integer(9, 59);
    const soFar = daysAgo === 0 || (daysAgo <= 8 && index % 2 === 0);
    const minuteOfDay = soFar ? random.integer(10, 90) : random.integer(7 * 60, 22 * 60 + 30);
    const lineCount = random.integer(1, 3);
    const items: [number, number][] = [];
    for (let line = 0; line < lineCount; line += 1) {
      const position = random.integer(0, positions - 1);
      if (!items.some(([taken]) => taken === position)) {
        items.push([position, random.integer(1, 2)]);
      }
    }
    const declinedPayment = random.next() < 1 / 12;
    const placed = { daysAgo, minuteOfDay, soFar };
    if (declinedPayment) {
      return {
        number,
        status: 'CANCELLED',
        paymentStatus: 'failed',
        placed,
        items,
        steps: declinedSteps,
        cancellation: declined,
      };
    }
    // Today's and yesterday's orders wait to be packed or shipped; older ones moved on.
    const status =
      daysAgo === 0
        ? random.pick(['CONFIRMED', 'PROCESSING'] as const)
        : daysAgo === 1
          ? random.pick(['PROCESSING', 'SHIPPED'] as const)
          : daysAgo <= 3
            ? random.pick(['SHIPPED', 'DELIVERED'] as const)
            : 'DELIVERED';
    return {
      number,
      status,
      paymentStatus: 'succeeded',
      placed,
      items,
      steps: paidStepsTo(status),
      ...(status === 'SHIPPED' || status === 'DELIVERED' ? { shipment: shipmentOf(number) } : {}),
    };
  });
}

/**
 * The moment an order was placed, relative to `now`: `daysAgo` days before today, at its time of
 * day, or (`soFar`) at a share (minuteOfDay / 100) of the time elapsed today less 5 minutes, so
 * an order of today lies in the past. Steps that would lie after now are moved (stepsUntil).
 */
function placedAtOf(placed: PlacedAt, now: Date): Date {
  const todayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const dayStart = todayStart - placed.daysAgo * dayMs;
  if (!placed.soFar) return new Date(dayStart + placed.minuteOfDay * 60_000);
  const elapsed = Math.max(0, now.getTime() - todayStart - 5 * 60_000);
  return new Date(dayStart + Math.floor((elapsed * placed.minuteOfDay) / 100));
}

/** A step no later than `now`: an order of today may not have reached its later steps' times. */
function stepsUntil(plan: OrderPlan, placedAt: Date, now: Date): OrderPlan['steps'] {
  const ageMinutes = Math.floor((now.getTime() - placedAt.getTime()) / 60_000);
  return plan.steps.map((step, index) => ({
    ...step,
    // Squeezed into the order's age, keeping their order (a minute apart at least).
    afterMinutes: Math.min(
      step.afterMinutes,
      Math.max(0, ageMinutes - (plan.steps.length - index)),
    ),
  }));
}

/** round-half-up(n / d) in whole numbers, as the order cell computes tax. */
const divideRoundingHalfUp = (n: number, d: number) => Math.floor((n + Math.floor(d / 2)) / d);
/** The VAT contained in a price that includes it (docs/taxes.md). */
const taxContained = (gross: number, bp: number) => divideRoundingHalfUp(gross * bp, 10_000 + bp);

/**
 * The demo shopper's orders: the named three and 40 more over the last 60 days (4 of them today),
 * dated relative to `now` (the time of seeding); everything else is the same on every run.
 */
export function demoOrders(
  products: readonly GeneratedProduct[],
  now: Date = new Date(),
): DemoOrder[] {
  const buyable = products.filter((product) => product.status === 'active' && product.inStock);
  const standard = defaultCheckoutSettings.shippingMethods[0];
  const taxRate =
    defaultCheckoutSettings.taxRates.find((rate) => rate.country === destinationCountry)
      ?.taxRateBasisPoints ?? 0;
  return [...namedPlans, ...generatedPlans(buyable.length)].map((plan) => {
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
    const placedAt = placedAtOf(plan.placed, now);
    const steps = stepsUntil(plan, placedAt, now);
    return {
      number: plan.number,
      status: plan.status,
      paymentStatus: plan.paymentStatus,
      placedAt,
      lines,
      subtotalMinor,
      shippingMinor,
      taxMinor,
      taxRateBasisPoints: taxRate,
      pricesIncludeTax: true,
      shippingTaxMinor,
      totalMinor: subtotalMinor + shippingMinor,
      currency: 'EUR',
      steps: steps.map((step) => ({ ...step })),
      ...(plan.cancellation && { cancellation: { ...plan.cancellation } }),
      ...(plan.shipment && {
        shipment: {
          ...plan.shipment,
          afterMinutes: steps.find((step) => step.to === 'SHIPPED')?.afterMinutes ?? 0,
        },
      }),
    };
  });
}

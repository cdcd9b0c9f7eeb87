import bcrypt from 'bcrypt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountRoles, authModels } from '../src/auth';
import { closeDatabaseConnections, connectDomainDatabase } from '../src';
import { orderModels, orderNumberSequenceId } from '../src/order';
import { paymentModels } from '../src/payment';
import { productModels } from '../src/product';
import { userModels } from '../src/user';
import { reviewModels } from '../src/review';
import {
  defaultCatalogSeed,
  demoPassword,
  generateCatalog,
  seedDemoData,
  type SeedSummary,
} from '../src/seed';
import { demoOrders } from '../src/seed/demo-orders';
import { demoReviews } from '../src/seed/demo-reviews';
import { isolateTestDatabases } from '../src/testing';

isolateTestDatabases();
afterAll(() => closeDatabaseConnections());

const seededOrders = demoOrders(generateCatalog().products);
const demoOrderCount = seededOrders.length;
const declinedOrderCount = seededOrders.filter((order) => order.status === 'CANCELLED').length;

async function productSnapshot() {
  const { Product } = productModels(await connectDomainDatabase('product'));
  return Product.find().sort({ slug: 1 }).lean();
}

describe('seedDemoData', () => {
  let first: SeedSummary;
  let second: SeedSummary;
  let productsAfterFirst: Awaited<ReturnType<typeof productSnapshot>>;

  // A guard, not a bound: two seeds take about 5 s alone, and ran past 60 s on a machine busy
  // with an e2e stack and builds.
  beforeAll(async () => {
    first = await seedDemoData();
    productsAfterFirst = await productSnapshot();
    second = await seedDemoData();
  }, 180_000);

  it('gives the demo shopper saved addresses, once however often it runs', async () => {
    const { Account } = authModels(await connectDomainDatabase('auth'));
    const { Address, Profile } = userModels(await connectDomainDatabase('user'));
    const shopper = await Account.findOne({ email: 'shopper@example.com' }).orFail().lean();
    expect(await Address.countDocuments({ accountId: shopper._id })).toBe(2);
    const profile = await Profile.findOne({ accountId: shopper._id }).orFail().lean();
    expect(profile.email).toBe('shopper@example.com');
  });

  it('fills every domain with demo data', () => {
    const catalog = generateCatalog();
    expect(first.catalog).toBe('written');
    expect(first.counts).toEqual({
      categories: catalog.categories.length,
      products: 2000,
      inventoryItems: catalog.inventory.length,
      accounts: 6,
      profiles: 6,
      // The named three and the generated ones (demo-orders.ts); one email each, and the welcome.
      orders: demoOrderCount,
      payments: demoOrderCount,
      messages: 1 + demoOrderCount,
      // The shopper's own three and the catalogue's demo reviews.
      reviews: 3 + demoReviews(catalog.products, defaultCatalogSeed).length,
      // Six product views; each order created and paid (or declined, then cancelled).
      analyticsEvents: 6 + 2 * demoOrderCount + declinedOrderCount,
    });
  });

  it("gives products their reviews' real rating, not the generator's demo figure", async () => {
    const { Product } = productModels(await connectDomainDatabase('product'));
    const { Review, RatingAggregate } = reviewModels(await connectDomainDatabase('review'));
    const products = await Product.find({ status: 'active' }).sort({ slug: 1 }).limit(60).lean();
    let reviewed = 0;
    for (const product of products) {
      const published = await Review.find({
        productId: String(product._id),
        status: 'published',
      }).lean();
      const count = published.length;
      const average =
        count === 0
          ? 0
          : Math.round((published.reduce((sum, each) => sum + each.rating, 0) / count) * 10) / 10;
      expect(product.rating).toEqual({ average, count });
      const aggregate = await RatingAggregate.findById(product._id).lean();
      expect(aggregate?.count ?? 0).toBe(count);
      if (count > 0) reviewed += 1;
    }
    // Most products have reviews; some have none (their card shows no stars).
    expect(reviewed).toBeGreaterThan(30);
    expect(reviewed).toBeLessThan(60);
  });

  it('dates the demo orders relative to the seeding: some today and this week, none ahead', async () => {
    const { Order } = orderModels(await connectDomainDatabase('order'));
    const orders = await Order.find().select({ number: 1, createdAt: 1, history: 1 }).lean();
    const now = Date.now();
    const dayMs = 24 * 60 * 60_000;
    const todayStart = now - (now % dayMs);
    const ages = orders.map((order) => now - order.createdAt!.getTime());
    expect(Math.min(...ages)).toBeGreaterThan(0);
    expect(Math.max(...ages)).toBeLessThan(61 * dayMs);
    expect(orders.filter((order) => order.createdAt!.getTime() >= todayStart)).toHaveLength(4);
    expect(ages.filter((age) => age < 7 * dayMs).length).toBeGreaterThan(8);
    // Every step of every order's history has happened already.
    for (const order of orders) {
      for (const step of order.history) expect(step.at.getTime()).toBeLessThanOrEqual(now);
    }
  });

  it('leaves the same data when run twice', async () => {
    expect(second.catalog).toBe('unchanged');
    expect(second.counts).toEqual(first.counts);
    // Whole documents, timestamps included: a rerun writes nothing new.
    expect(await productSnapshot()).toEqual(productsAfterFirst);
  });

  it('stores the deterministic catalog: same slugs and integer prices every time', () => {
    const expected = generateCatalog().products.map(({ slug, variants, currency }) => ({
      slug,
      prices: variants.map((variant) => variant.priceMinor),
      currency,
    }));
    const stored = productsAfterFirst.map(({ slug, variants, currency }) => ({
      slug,
      prices: variants.map((variant) => variant.priceMinor),
      currency,
    }));
    expect(stored).toEqual([...expected].sort((a, b) => a.slug.localeCompare(b.slug)));
    expect(stored.flatMap(({ prices }) => prices).every((price) => Number.isInteger(price))).toBe(
      true,
    );
  });

  it('creates the shopper and one staff account per role, all signing in with the demo password', async () => {
    const { Account } = authModels(await connectDomainDatabase('auth'));
    const accounts = await Account.find().lean();
    expect(accounts.flatMap((account) => account.roles).sort()).toEqual([...accountRoles].sort());
    for (const account of accounts) {
      expect(await bcrypt.compare(demoPassword, account.passwordHash ?? '')).toBe(true);
      expect(account.passwordHash).toMatch(/^\$2[aby]\$10\$/);
    }
    expect(first.accounts).toContainEqual({
      email: 'shopper@example.com',
      password: 'demo-password-1',
      role: 'customer',
    });
  });

  it('gives the shopper orders whose totals add up from their lines', async () => {
    const { Order } = orderModels(await connectDomainDatabase('order'));
    const orders = await Order.find().sort({ number: 1 }).lean();
    expect(orders.map((order) => order.status)).toEqual(seededOrders.map((order) => order.status));
    // The three the demo shopper's pages are known by, then the generated ones.
    expect(orders.slice(0, 3).map((order) => [order.number, order.status])).toEqual([
      ['SO-100001', 'DELIVERED'],
      ['SO-100002', 'CONFIRMED'],
      ['SO-100003', 'CANCELLED'],
    ]);
    for (const order of orders) {
      const sum = order.lines.reduce(
        (total, line) => total + line.unitPriceMinor * line.quantity,
        0,
      );
      expect(order.subtotalMinor).toBe(sum);
      // The demo shop's prices include VAT: the tax is part of the total, not added to it.
      expect(order.pricesIncludeTax).toBe(true);
      expect(order.totalMinor).toBe(
        order.subtotalMinor - order.discountMinor + order.shippingMinor,
      );
      expect(
        order.lines.reduce(
          (total, line) => total + (line.taxMinor ?? 0),
          order.shippingTaxMinor ?? 0,
        ),
      ).toBe(order.taxMinor);
      expect(order.taxMinor).toBeGreaterThan(0);
      expect(order.history[0]).toMatchObject({ to: 'PENDING' });
      expect(order.history.at(-1)?.to).toBe(order.status);
    }
  });

  it('numbers new orders after the seeded ones and seeds the demo discount codes', async () => {
    const { Sequence, DiscountCode } = orderModels(await connectDomainDatabase('order'));
    const sequence = await Sequence.findById(orderNumberSequenceId).lean();
    expect(sequence?.value).toBe(demoOrderCount);
    const codes = await DiscountCode.find().sort({ code: 1 }).lean();
    expect(codes.map((code) => code.code)).toEqual(['FIVEOFF', 'WELCOME10']);
  });

  it('stores one payment per order under the order id, as the payment cell finds it for refunds', async () => {
    const { Order } = orderModels(await connectDomainDatabase('order'));
    const { Payment } = paymentModels(await connectDomainDatabase('payment'));
    const orders = await Order.find().lean();
    const payments = await Payment.find().lean();
    expect(payments.map((payment) => payment._id.toString()).sort()).toEqual(
      orders.map((order) => order._id.toString()).sort(),
    );
    const delivered = orders.find((order) => order.status === 'DELIVERED');
    const paid = payments.find((payment) => payment._id.equals(delivered?._id));
    expect(paid).toMatchObject({ status: 'succeeded', refundableMinor: delivered?.totalMinor });
  });
});

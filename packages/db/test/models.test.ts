import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabaseConnections, connectDomainDatabase } from '../src';
import { authModels } from '../src/auth';
import { orderModels } from '../src/order';
import { productModels } from '../src/product';
import { reviewModels } from '../src/review';
import { isolateTestDatabases, requireRealMongo } from '../src/testing';

isolateTestDatabases();
afterAll(() => closeDatabaseConnections());

const product = {
  slug: 'oak-desk-lamp',
  name: 'Oak Desk Lamp',
  brand: 'Northlight',
  currency: 'eur',
  variants: [{ sku: 'lig-1', priceMinor: 4999 }],
  priceMinMinor: 4999,
  priceMaxMinor: 4999,
};

describe('domain models', () => {
  it('can be bound to the same connection more than once', async () => {
    const connection = await connectDomainDatabase('product');
    expect(productModels(connection).Product).toBe(productModels(connection).Product);
  });

  it('create the indexes they declare on the server', async () => {
    const { Product } = productModels(await connectDomainDatabase('product'));
    await Product.init();
    const indexes = await Product.collection.indexes();
    expect(indexes).toContainEqual(expect.objectContaining({ name: 'slug_1', unique: true }));
    expect(indexes.map((index) => index.name)).toEqual(
      expect.arrayContaining(['status_1_categorySlugs_1_publishedAt_-1', 'variants.sku_1']),
    );
  });

  it('store money as whole minor units with an upper-case currency code', async () => {
    const { Product } = productModels(await connectDomainDatabase('product'));
    const saved = await Product.create(product);
    expect(saved.currency).toBe('EUR');
    expect(saved.variants[0]?.sku).toBe('LIG-1');
    await expect(
      Product.create({
        ...product,
        slug: 'half-cent',
        variants: [{ sku: 'X', priceMinor: 49.995 }],
      }),
    ).rejects.toThrow(/whole number of minor units/);
    await expect(Product.create({ ...product, slug: 'no-variants', variants: [] })).rejects.toThrow(
      /at least one variant/,
    );
    await expect(
      Product.create({ ...product, slug: 'bad-currency', currency: 'EURO' }),
    ).rejects.toThrow(/ISO 4217/);
  });

  it('lowercase account emails so sign-in ignores case', async () => {
    const { Account } = authModels(await connectDomainDatabase('auth'));
    const account = await Account.create({
      email: ' Mixed.Case@Example.COM ',
      passwordHash: 'x',
      name: 'M',
    });
    expect(account.email).toBe('mixed.case@example.com');
    expect(account.roles).toEqual(['customer']);
  });

  it('reject orders without lines and reviews outside 1-5 stars', async () => {
    const { Order } = orderModels(await connectDomainDatabase('order'));
    await expect(
      Order.create({ number: 'SO-1', lines: [], totalMinor: 0, currency: 'EUR' }),
    ).rejects.toThrow(/an order needs lines/);
    const { Review } = reviewModels(await connectDomainDatabase('review'));
    await expect(
      Review.create({
        productSlug: 'x',
        accountId: '6650f0000000000000000000',
        rating: 6,
        title: 't',
      }),
    ).rejects.toThrow(/rating/);
  });

  it('keep inventory counts whole and never negative', async () => {
    const { InventoryItem } = productModels(await connectDomainDatabase('product'));
    const productId = '6650f0000000000000000001';
    const item = await InventoryItem.create({ sku: 'abc-1', productId, onHand: 3, available: 3 });
    expect(item.sku).toBe('ABC-1');
    expect(item.lowStockThreshold).toBe(5);
    await expect(
      InventoryItem.create({ sku: 'abc-2', productId, onHand: -1, available: 0 }),
    ).rejects.toThrow(/onHand/);
    await expect(
      InventoryItem.create({ sku: 'abc-3', productId, onHand: 1.5, available: 0 }),
    ).rejects.toThrow(/whole number/);
  });

  it('reject a second product with the same slug (needs a real MongoDB; the fallback does not enforce it)', async (context) => {
    requireRealMongo(context, 'uniqueIndexes');
    const { Product } = productModels(await connectDomainDatabase('product'));
    await Product.init();
    await Product.create({ ...product, slug: 'only-once' });
    await expect(Product.create({ ...product, slug: 'only-once' })).rejects.toThrow(/E11000/);
  });

  it('reject a second inventory row for a SKU and a second reservation with one id (needs a real MongoDB)', async (context) => {
    requireRealMongo(context, 'uniqueIndexes');
    const { InventoryItem, Reservation } = productModels(await connectDomainDatabase('product'));
    await Promise.all([InventoryItem.init(), Reservation.init()]);
    const productId = '6650f0000000000000000002';
    await InventoryItem.create({ sku: 'ONCE-1', productId });
    await expect(InventoryItem.create({ sku: 'once-1', productId })).rejects.toThrow(/E11000/);
    const reservation = {
      reservationId: 'r-once',
      lines: [{ sku: 'ONCE-1', quantity: 1 }],
      expiresAt: new Date(),
    };
    await Reservation.create(reservation);
    await expect(Reservation.create(reservation)).rejects.toThrow(/E11000/);
  });
});

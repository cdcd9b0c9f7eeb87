import { randomBytes } from 'node:crypto';
import { connectDomainDatabase } from '@shop/db';
import { analyticsModels } from '@shop/db/analytics';
import { isolateTestDatabases } from '@shop/db/testing';
import type { LocalInngest } from '@shop/inngest-local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runsEnded, sendToExecutor } from './support/executor-events';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';

// Conversions end to end: order events -> the local Inngest executor -> the analytics cell.

let platform: HostWithExecutor;
let executor: LocalInngest;

beforeAll(async () => {
  isolateTestDatabases();
  platform = await startHostWithExecutor(['analytics']);
  ({ executor } = platform);
});
afterAll(async () => {
  await platform?.stop();
});

async function deliver(name: string, data: Record<string, unknown>) {
  const runs = await runsEnded(executor, await sendToExecutor(executor, name, data));
  expect(runs.map((run) => run.status)).toEqual(['Completed']);
}

async function rowsFor(name: string, orderId: string) {
  const { AnalyticsEvent } = analyticsModels(await connectDomainDatabase('analytics'));
  return AnalyticsEvent.find({ name, 'properties.orderId': orderId }).lean();
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

function confirmed(options: { guest?: boolean } = {}) {
  return {
    orderId: hex(12),
    number: `SO-${hex(3).toUpperCase()}`,
    ...(options.guest ? {} : { accountId: hex(12) }),
    email: `buyer-${hex(4)}@example.com`,
    name: 'Ada Lovelace',
    lines: [
      {
        sku: 'A',
        name: 'Linen Shirt',
        variantLabel: 'Blue / M',
        quantity: 2,
        unitPriceMinor: 3_900,
        lineTotalMinor: 7_800,
      },
      {
        sku: 'B',
        name: 'Oak Lamp',
        variantLabel: '',
        quantity: 1,
        unitPriceMinor: 12_000,
        lineTotalMinor: 12_000,
      },
    ],
    subtotalMinor: 19_800,
    discountMinor: 1_980,
    shippingMinor: 0,
    taxMinor: 4_099,
    totalMinor: 21_919,
    currency: 'EUR',
    shippingMethod: 'Standard',
    paymentMethod: 'card',
    shippingAddress: {
      name: 'Ada',
      line1: '1 Main St',
      line2: '',
      city: 'Dublin',
      region: '',
      postcode: 'D01',
      country: 'IE',
    },
    placedAt: new Date().toISOString(),
  };
}

describe('conversions', () => {
  it('records a confirmed order once, with its total, currency, items and account', async () => {
    const order = confirmed();
    await deliver('order/order.confirmed', order);
    await deliver('order/order.confirmed', order); // redelivered: a new event id, the same order

    const rows = await rowsFor('order/order.confirmed', order.orderId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      source: 'order',
      properties: {
        orderId: order.orderId,
        number: order.number,
        totalMinor: 21_919,
        currency: 'EUR',
        itemCount: 3,
        accountId: order.accountId,
        guest: false,
        paymentMethod: 'card',
      },
    });
    // Analytics keeps no contact details.
    expect(JSON.stringify(rows[0])).not.toContain(order.email);
    expect(JSON.stringify(rows[0])).not.toContain('Ada');
  });

  it('records a guest order as a guest conversion', async () => {
    const order = confirmed({ guest: true });
    await deliver('order/order.confirmed', order);
    const [row] = await rowsFor('order/order.confirmed', order.orderId);
    expect(row!.properties).toMatchObject({ guest: true, itemCount: 3 });
    expect(row!.properties).not.toHaveProperty('accountId');
  });

  it('records a cancellation once, with why and what was refunded', async () => {
    const { orderId, number, accountId, email, name } = confirmed();
    const cancelled = {
      orderId,
      number,
      accountId,
      email,
      name,
      code: 'payment_failed',
      message: 'Your card was declined.',
      refundedMinor: 0,
      totalMinor: 21_919,
      currency: 'EUR',
    };
    await deliver('order/order.cancelled', cancelled);
    await deliver('order/order.cancelled', cancelled);
    const rows = await rowsFor('order/order.cancelled', orderId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.properties).toMatchObject({
      code: 'payment_failed',
      totalMinor: 21_919,
      refundedMinor: 0,
      accountId,
    });
  });
});

import { waitFor } from '@shop/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as OrderFixtures from './support/order-fixtures';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';
import { sampleValue } from './support/prometheus-text';
import { seedFileDatabases } from './support/seed-file-databases';

// What an operator's dashboards and alerts read from a cell host's /metrics after real checkouts
// (docs/observability/metrics-and-alerts.md): business counters, order states, MongoDB's driver.

let platform: HostWithExecutor;
let fx: typeof OrderFixtures;
let skus: string[];

const scrape = async () => {
  const response = await fetch(`${platform.host.url}/metrics`);
  expect(response.status).toBe(200);
  return response.text();
};

beforeAll(async () => {
  await seedFileDatabases();
  platform = await startHostWithExecutor(['auth', 'product', 'order', 'payment'], {
    env: { SERVICE_TOKEN_SECRET: 'test-service-secret-0123456789-metrics' },
  });
  fx = await import('./support/order-fixtures');
  skus = await fx.stockedSkus(2);
}, 60_000);
afterAll(() => platform?.stop());

describe("a cell host's /metrics", () => {
  it('counts a confirmed checkout: its transitions, payment, time to confirmation and state', async () => {
    const before = await scrape();
    const confirmed = (text: string) =>
      sampleValue(text, 'shop_order_transitions_total', {
        from: 'PAYMENT_PROCESSING',
        to: 'CONFIRMED',
      }) ?? 0;
    const succeeded = (text: string) =>
      sampleValue(text, 'shop_payments_total', { outcome: 'succeeded', provider: 'test' }) ?? 0;
    const timed = (text: string) =>
      sampleValue(text, 'shop_order_time_to_confirmation_seconds_count') ?? 0;

    const { orderId } = await fx.createTestOrder({ lines: [{ sku: skus[0] ?? '', quantity: 1 }] });
    await fx.payWithTestCard(platform.host.url, orderId);
    expect((await fx.waitForOrder(orderId, fx.settled)).status).toBe('CONFIRMED');

    const after = await scrape();
    expect(confirmed(after) - confirmed(before)).toBe(1);
    expect(succeeded(after) - succeeded(before)).toBe(1);
    expect(timed(after) - timed(before)).toBe(1);
    const order = await fx.readOrder(orderId);
    const value = (text: string) =>
      sampleValue(text, 'shop_confirmed_order_value_minor_total', {
        currency: order?.currency ?? '',
      }) ?? 0;
    expect(value(after) - value(before)).toBe(order?.totalMinor);
    // Read from the database at scrape time: at least the order just confirmed.
    expect(sampleValue(after, 'shop_orders', { status: 'CONFIRMED' })).toBeGreaterThanOrEqual(1);
    expect(sampleValue(after, 'shop_orders_stuck', { status: 'PENDING' })).toBe(0);
  });

  it('counts a declined card: the failed payment, the cancellation and the stock given back', async () => {
    const before = await scrape();
    const failed = (text: string) =>
      sampleValue(text, 'shop_payments_total', { outcome: 'failed' }) ?? 0;
    const cancelled = (text: string) =>
      sampleValue(text, 'shop_order_cancellations_total', { reason: 'payment_failed' }) ?? 0;
    const compensations = (text: string) =>
      sampleValue(text, 'shop_saga_compensations_total', { outcome: 'done' }) ?? 0;

    const { orderId } = await fx.createTestOrder({ lines: [{ sku: skus[1] ?? '', quantity: 1 }] });
    await fx.payWithTestCard(platform.host.url, orderId, '4000000000000002');
    expect((await fx.waitForOrder(orderId, fx.settled)).status).toBe('CANCELLED');

    // The compensation (stock released) runs after the cancellation, in its own function.
    const after = await waitFor(
      async () => {
        const text = await scrape();
        return compensations(text) > compensations(before) ? text : undefined;
      },
      { what: 'a compensation to be counted', timeoutMs: 20_000 },
    );
    expect(failed(after) - failed(before)).toBe(1);
    expect(cancelled(after) - cancelled(before)).toBe(1);
  });

  it("reports MongoDB's pool and commands from the driver, and the host's in-flight requests", async () => {
    const text = await scrape();
    expect(sampleValue(text, 'mongodb_pool_connections')).toBeGreaterThan(0);
    expect(sampleValue(text, 'mongodb_pool_max_connections')).toBeGreaterThan(0);
    expect(
      sampleValue(text, 'mongodb_command_duration_seconds_count', {
        command: 'find',
        outcome: 'ok',
      }),
    ).toBeGreaterThan(0);
    // This scrape itself is in flight while the registry is read.
    expect(sampleValue(text, 'cell_host_requests_in_flight')).toBeGreaterThanOrEqual(1);
    expect(sampleValue(text, 'nodejs_eventloop_lag_seconds')).toBeDefined();
    expect(
      sampleValue(text, 'cell_host_responses_total', { kind: 'trpc', status_class: '2xx' }),
    ).toBeGreaterThan(0);
  });
});

import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connectDomainDatabase } from '@shop/db';
import { orderModels } from '@shop/db/order';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { failureOf, newCartToken, shopperClient, testSkus } from './support/cart-calls';
import { startLocalInngest, type LocalInngest } from '@shop/inngest-local';
import pino from 'pino';
import type { CellHost } from '../src/host';
import { seedFileDatabases } from './support/seed-file-databases';

/**
 * The order cell sends `order/order.created` through this proxy to the executor, so the test can
 * make the event API fail (503) as an unreachable Inngest would.
 */
let eventsDown = false;
let executorUrl = '';
let proxy: Server;
let executor: LocalInngest;
let host: CellHost;
let stopHosts: (host: CellHost) => Promise<void>;
const savedEnv = { ...process.env };

beforeAll(async () => {
  await seedFileDatabases();
  proxy = createServer((incoming, outgoing) => {
    if (eventsDown) {
      outgoing.writeHead(503, { 'content-type': 'application/json' });
      outgoing.end(JSON.stringify({ error: 'unavailable', status: 503 }));
      return;
    }
    const target = new URL(incoming.url ?? '/', executorUrl);
    const forwarded = httpRequest(
      target,
      { method: incoming.method, headers: { ...incoming.headers, host: target.host } },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  // As startHostWithExecutor does, except that the cells reach the executor through the proxy.
  const silent = pino({ level: 'silent' });
  executor = await startLocalInngest({
    port: 0,
    logger: silent,
    tuning: { pollIntervalMs: 50, retryScale: 0.005 },
  });
  executorUrl = executor.url;
  Object.assign(process.env, {
    INNGEST_DEV: '1',
    INNGEST_BASE_URL: proxyUrl,
    PRODUCT_SKU_DETAILS_CACHE_MS: '0',
    ORDER_CART_PRICES_MAX_AGE_MS: '0',
  });
  const { startTestHost, stopTestHosts } = await import('./support/test-host');
  stopHosts = stopTestHosts;
  host = await startTestHost(['auth', 'product', 'order']);
  const { syncInngestEndpoints } = await import('../src/host/sync-inngest');
  await syncInngestEndpoints(host.url, host.cells, silent);
}, 60_000);
afterAll(async () => {
  if (host) await stopHosts(host);
  await executor?.stop();
  await new Promise((resolve) => proxy?.close(resolve));
  for (const key of [
    'INNGEST_DEV',
    'INNGEST_BASE_URL',
    'PRODUCT_SKU_DETAILS_CACHE_MS',
    'ORDER_CART_PRICES_MAX_AGE_MS',
  ]) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

it('fails cleanly when the saga event cannot be sent, and the retry with the same key sends it', async () => {
  const [item] = await testSkus(1, 100, 120);
  const cartToken = newCartToken();
  const guest = shopperClient(host.url, { cartToken });
  await guest.order.addToCart.mutate({ sku: item?.sku ?? '', quantity: 1 });
  const totals = await guest.order.quote.query({ shippingMethodId: 'standard', country: 'NL' });
  const input = {
    idempotencyKey: randomUUID(),
    email: 'evie@example.com',
    shippingAddress: {
      name: 'Evie Event',
      line1: 'Dam 1',
      city: 'Amsterdam',
      postcode: '1012 JS',
      country: 'NL',
    },
    shippingMethodId: 'standard',
    paymentMethod: 'card' as const,
    expectedTotalMinor: totals.totalMinor,
  };

  eventsDown = true;
  const failure = await failureOf(guest.order.place.mutate(input));
  expect(failure).toMatchObject({
    code: 'SERVICE_UNAVAILABLE',
    message: 'Your order could not be completed right now; please try again.',
  });
  // The cart is kept until the saga has its event.
  expect((await guest.order.cart.query()).itemCount).toBe(1);

  eventsDown = false;
  const placed = await guest.order.place.mutate(input);
  const { Order } = orderModels(await connectDomainDatabase('order'));
  expect(await Order.countDocuments({ idempotencyKey: { $regex: input.idempotencyKey } })).toBe(1);
  // The retry finished the first attempt's order, and hands this caller a working access token.
  expect(placed.guestAccessToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const executorEvents = (await connectDomainDatabase('order'))
    .useDb(`${process.env.MONGODB_DB_PREFIX ?? ''}inngest_local`)
    .collection('events');
  expect(
    await executorEvents.countDocuments({
      name: 'order/order.created',
      payloadJson: { $regex: placed.orderId },
    }),
  ).toBe(1);
  expect((await guest.order.cart.query()).lines).toEqual([]);

  // Done: a later submission with the key answers the same order at once, with no new token.
  const again = await guest.order.place.mutate(input);
  expect(again).toEqual({ orderId: placed.orderId, number: placed.number, status: 'PENDING' });
});

it('takes over a submission whose attempt crashed after writing the order', async () => {
  const [item] = await testSkus(1, 100, 121);
  const guest = shopperClient(host.url, { cartToken: newCartToken() });
  await guest.order.addToCart.mutate({ sku: item?.sku ?? '', quantity: 1 });
  const totals = await guest.order.quote.query({ shippingMethodId: 'standard', country: 'NL' });
  const input = {
    idempotencyKey: randomUUID(),
    email: 'cora@example.com',
    shippingAddress: {
      name: 'Cora',
      line1: 'Dam 2',
      city: 'Amsterdam',
      postcode: '1012 JS',
      country: 'NL',
    },
    shippingMethodId: 'standard',
    paymentMethod: 'card' as const,
    expectedTotalMinor: totals.totalMinor,
  };
  eventsDown = true;
  await failureOf(guest.order.place.mutate(input));
  eventsDown = false;
  // As if the attempt had died mid-way: its claim still says "placing", its lease has run out.
  const { OrderPlacement, Order } = orderModels(await connectDomainDatabase('order'));
  const { modifiedCount } = await OrderPlacement.updateMany(
    { eventSentAt: null, state: 'placed' },
    { $set: { state: 'placing', leaseUntil: new Date(Date.now() - 1000) } },
  );
  expect(modifiedCount).toBe(1);

  const placed = await guest.order.place.mutate(input);
  expect(await Order.countDocuments({ idempotencyKey: { $regex: input.idempotencyKey } })).toBe(1);
  const claim = await OrderPlacement.findOne({ orderId: placed.orderId }).lean();
  expect(claim).toMatchObject({ state: 'placed', eventSentAt: expect.any(Date) });
  expect((await guest.order.place.mutate(input)).orderId).toBe(placed.orderId);
});

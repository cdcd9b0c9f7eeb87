import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createGateway } from '../src/gateway/create-gateway';
import { TokenBucketRateLimiter } from '../src/gateway/rate-limiter';
import { newCartToken } from './support/cart-calls';

// A stand-in cell answering with the headers it received.
let cell: Server;
let cellUrl: string;

beforeAll(async () => {
  cell = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(req.headers));
  });
  await new Promise<void>((resolve) => cell.listen(0, '127.0.0.1', resolve));
  cellUrl = `http://127.0.0.1:${(cell.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => cell.close(() => resolve())));

const forward = () =>
  createGateway({
    urlFor: (domain) => `${cellUrl}/trpc/${domain}`,
    limiter: new TokenBucketRateLimiter({ burst: 100, perSecond: 100 }),
  });

async function headersSeenByCell(path: string, headers: Record<string, string>) {
  const [domain = '', procedures = ''] = path.split('/');
  const response = await forward()(new Request(`http://shop.test/api/cells/${path}`, { headers }), {
    domain,
    path: [procedures],
  });
  return (await response.json()) as IncomingHttpHeaders;
}

it("copies the app's shop_cart cookie into x-cart-token for the order cell only", async () => {
  const token = newCartToken();
  const cookie = `theme=dark; shop_cart=${token}`;
  expect((await headersSeenByCell('order/order.cart', { cookie }))['x-cart-token']).toBe(token);
  expect(
    (await headersSeenByCell('product/product.list', { cookie }))['x-cart-token'],
  ).toBeUndefined();
});

it("never forwards the browser's own x-cart-token, nor a malformed cookie", async () => {
  const stolen = newCartToken();
  const seen = await headersSeenByCell('order/order.cart', { 'x-cart-token': stolen });
  expect(seen['x-cart-token']).toBeUndefined();
  const malformed = await headersSeenByCell('order/order.cart', {
    cookie: 'shop_cart=../../etc',
  });
  expect(malformed['x-cart-token']).toBeUndefined();
  expect(malformed.cookie).toBeUndefined();
});

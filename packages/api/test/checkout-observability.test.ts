import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InMemorySpanExporter, type ReadableSpan } from '@shop/telemetry/testing';
import type { MailCapture } from '@shop/mail-capture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostWithExecutor } from './support/host-with-executor';
import type * as OrderFixtures from './support/order-fixtures';

// Issue 16: one checkout through the gateway is one trace across every cell it touches, and
// nothing sensitive reaches a log line of the whole run. Tracing starts before any cell or the
// database driver loads (as host/main.ts does), so every module below is imported dynamically.

const spans = new InMemorySpanExporter();
const logLines: Record<string, unknown>[] = [];
let platform: HostWithExecutor;
let capture: MailCapture;
let edge: Server;
let edgeUrl: string;
let fx: typeof OrderFixtures;

beforeAll(async () => {
  process.env.LOG_LEVEL = 'debug';
  const { startProcessTracing } = await import('../src/observability/tracing');
  await startProcessTracing({ exporter: spans });
  const { captureProcessLogs } = await import('./support/process-logs');
  captureProcessLogs((line) => logLines.push(line));

  const { seedFileDatabases } = await import('./support/seed-file-databases');
  const { startMailCapture } = await import('@shop/mail-capture');
  capture = await startMailCapture({ smtpPort: 0, httpPort: 0 });
  await seedFileDatabases();
  const { rootLogger } = await import('../src/observability/logger');
  const { startHostWithExecutor } = await import('./support/host-with-executor');
  platform = await startHostWithExecutor(
    ['auth', 'product', 'order', 'payment', 'notification', 'search'],
    {
      env: {
        SERVICE_TOKEN_SECRET: 'test-service-secret-0123456789-trace',
        SMTP_URL: capture.smtpUrl,
        MAIL_FROM: 'Shop <orders@shop.test>',
        STOREFRONT_PUBLIC_URL: 'http://shop.test',
      },
      host: { logger: rootLogger },
    },
  );
  fx = await import('./support/order-fixtures');
  edgeUrl = await startEdge(platform.host.url);
}, 90_000);

afterAll(async () => {
  edge?.closeAllConnections();
  await new Promise<void>((resolve) => (edge ? edge.close(() => resolve()) : resolve()));
  const { closeSmtpTransports } = await import('../src/cells/notification/smtp-transport');
  closeSmtpTransports();
  await platform?.stop();
  await capture?.stop();
});

/** The app's gateway in this process (so its spans are recorded), as the apps' route handler. */
async function startEdge(cellHostUrl: string): Promise<string> {
  const { createGateway } = await import('../src/gateway/create-gateway');
  const { TokenBucketRateLimiter } = await import('../src/gateway/rate-limiter');
  const forward = createGateway({
    urlFor: () => `${cellHostUrl}/trpc`,
    limiter: new TokenBucketRateLimiter({ burst: 1000, perSecond: 1000 }),
  });
  edge = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = new URL(req.url ?? '/', 'http://shop.test');
    const [, domain = '', path = ''] = /^\/api\/cells\/([^/]+)\/([^/]+)$/.exec(url.pathname) ?? [];
    const response = await forward(
      new Request(url, {
        method: req.method,
        headers,
        body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
      }),
      { domain, path: [decodeURIComponent(path)] },
    );
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => edge.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(edge.address() as AddressInfo).port}`;
}

/**
 * A browser on the storefront: its calls go through the gateway with its cart cookie, each in the
 * trace `traceparent` names (the fetch instrumentation writes the header, as a browser's would).
 */
async function browser(traceparent: string) {
  const { createCellClient } = await import('../src/client');
  const { newCartToken } = await import('./support/cart-calls');
  const { continueTrace } = await import('@shop/telemetry');
  const cartToken = newCartToken();
  const client = createCellClient({
    urlFor: (domain) => `${edgeUrl}/api/cells/${domain}`,
    headers: () => ({ cookie: `shop_cart=${cartToken}`, 'sec-fetch-site': 'same-origin' }),
    fetch: (url, init) => continueTrace(traceparent, () => fetch(url, init)),
  });
  return { client, cartToken };
}

const traceOf = (predicate: (span: ReadableSpan) => boolean) =>
  spans.getFinishedSpans().find(predicate)?.spanContext().traceId;
const cellsIn = (traceId: string) =>
  new Set(
    spans
      .getFinishedSpans()
      .filter((span) => span.spanContext().traceId === traceId)
      .map((span) => String(span.attributes['shop.cell'] ?? '')),
  );

describe('one checkout', () => {
  const shopper = {
    email: 'trace.shopper@example.com',
    name: 'Tracy Tracer',
    line1: '77 Lantern Quay',
    city: 'Galway',
    postcode: 'H91 R2X4',
    phone: '+353 91 555 0199',
    card: '4242424242424242',
  };
  // The browser starts the trace (as a page with OpenTelemetry in the browser would).
  const browserTrace = '0af7651916cd43dd8448eb211c80319c';
  let placed: { orderId: string; number: string };
  let cartToken: string;
  let clientSecret: string;

  beforeAll(async () => {
    const session = await browser(`00-${browserTrace}-b7ad6b7169203331-01`);
    cartToken = session.cartToken;
    const { client } = session;
    const [sku] = await fx.stockedSkus(1);
    await client.order.addToCart.mutate({ sku: sku ?? '', quantity: 1 });
    const options = await client.order.checkoutOptions.query();
    const shippingMethodId = options.shippingMethods[0]?.id ?? 'standard';
    const quote = await client.order.quote.query({ shippingMethodId, country: 'IE' });
    placed = await client.order.place.mutate({
      idempotencyKey: crypto.randomUUID(),
      email: shopper.email,
      shippingAddress: {
        name: shopper.name,
        line1: shopper.line1,
        city: shopper.city,
        postcode: shopper.postcode,
        country: 'IE',
        phone: shopper.phone,
      },
      shippingMethodId,
      paymentMethod: 'card',
      expectedTotalMinor: quote.totalMinor,
    });
    // Paying is the browser's next request (a trace of its own); the saga goes on in the first.
    const order = await fx.waitForOrder(placed.orderId, (o) => Boolean(o.payment?.clientSecret));
    clientSecret = order.payment?.clientSecret ?? '';
    const payer = await browser(`00-${'1'.repeat(32)}-${'2'.repeat(16)}-01`);
    await payer.client.payment.confirmTestPayment.mutate({
      paymentId: order.payment?.paymentId ?? '',
      clientSecret,
      card: { number: shopper.card, expMonth: 12, expYear: 2034, cvc: '737' },
    });
    expect((await fx.waitForOrder(placed.orderId, fx.settled)).status).toBe('CONFIRMED');
    const { waitFor } = await import('@shop/db/testing');
    await waitFor(
      async () => {
        const response = await fetch(
          `${capture.inboxUrl}/api/messages?to=${encodeURIComponent(shopper.email)}`,
        );
        const { items } = (await response.json()) as { items: unknown[] };
        return items.length > 0 && cellsIn(browserTrace).has('notification');
      },
      { what: 'the confirmation email and its span', timeoutMs: 30_000 },
    );
  }, 90_000);

  it("is one trace from the browser's request: gateway, order, product, payment, notification", () => {
    const placeTrace = traceOf((span) => span.name === 'gateway order.place');
    expect(placeTrace).toBe(browserTrace);
    const cells = cellsIn(browserTrace);
    for (const cell of ['order', 'product', 'payment', 'notification'])
      expect(cells).toContain(cell);
    const names = spans
      .getFinishedSpans()
      .filter((span) => span.spanContext().traceId === browserTrace)
      .map((span) => span.name);
    expect(names).toContain('trpc order.place');
    // The saga ran in the same trace, and so did the database commands it made.
    expect(names.some((name) => name.startsWith('inngest order order-saga'))).toBe(true);
    const inTrace = spans
      .getFinishedSpans()
      .filter((span) => span.spanContext().traceId === browserTrace);
    expect(inTrace.some((span) => span.attributes['db.system.name'] === 'mongodb')).toBe(true);
  });

  it('logs lines in the seed structure, with the trace id, none holding what the shopper typed', () => {
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) {
      expect(Object.keys(line)).toEqual(
        expect.arrayContaining(['level', 'timestamp', 'service', 'message']),
      );
      expect(line.level).toMatch(/^(TRACE|DEBUG|INFO|WARN|ERROR|FATAL)$/);
      expect(Number.isNaN(Date.parse(String(line.timestamp)))).toBe(false);
    }
    expect(logLines.some((line) => line.traceId === browserTrace && line.spanId)).toBe(true);

    const everything = JSON.stringify(logLines);
    const secrets = {
      email: shopper.email,
      line1: shopper.line1,
      postcode: shopper.postcode,
      phone: shopper.phone,
      card: shopper.card,
      cartToken,
      clientSecret,
    };
    for (const [what, value] of Object.entries(secrets)) {
      expect(everything.includes(value), `${what} in a log line`).toBe(false);
    }
    // Nor any bearer token (service and access tokens are JWTs).
    expect(everything).not.toMatch(/eyJ[\w-]{10,}\.[\w-]{10,}/);
  });
});

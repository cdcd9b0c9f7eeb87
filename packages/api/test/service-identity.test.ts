import { generateCatalog } from '@shop/db/seed';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCellClient } from '../src/client';
import { routeCellCallsTo } from '../src/cross-cell/cell-client';
import { forgetServiceTokens, serviceCellClient } from '../src/cross-cell/service-client';
import type { CellHost } from '../src/host';
import { bearer } from './support/http';
import { loginAs } from './support/login';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

const secret = 'test-service-secret-0123456789-abcdef';
const sku =
  generateCatalog().products.find(
    (product) => product.status === 'active' && product.variants.length === 1,
  )?.variants[0]?.sku ?? '';

let host: CellHost;
const savedSecret = process.env.SERVICE_TOKEN_SECRET;

beforeAll(async () => {
  process.env.SERVICE_TOKEN_SECRET = secret;
  await seededTestDatabases();
  host = await startTestHost(['auth', 'product', 'user']);
});
afterAll(async () => {
  await stopTestHosts(host);
  if (savedSecret === undefined) delete process.env.SERVICE_TOKEN_SECRET;
  else process.env.SERVICE_TOKEN_SECRET = savedSecret;
});

const client = () => createCellClient({ urlFor: () => `${host.url}/trpc` });

async function codeOf(call: Promise<unknown>): Promise<string | undefined> {
  const error: unknown = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCClientError)) return undefined;
  return (error.data as { code?: string } | undefined)?.code;
}

describe('service identity: a cell acting on its own behalf', () => {
  it('lets a saga step reserve and release stock without any user signed in', async () => {
    forgetServiceTokens();
    const service = serviceCellClient('order');
    const held = await service.product.reserveStock.mutate({
      reservationId: 'service-identity-test',
      lines: [{ sku, quantity: 1 }],
    });
    expect(held.reservationId).toBe('service-identity-test');
    const released = await service.product.releaseStock.mutate({
      reservationId: 'service-identity-test',
    });
    expect(released.status).toBe('released');
  });

  it('refuses the same call from a shopper, and the exchange with a wrong secret', async () => {
    const shopperToken = await loginAs(host.url, 'shopper@example.com');
    const shopper = createCellClient({
      urlFor: () => `${host.url}/trpc`,
      headers: () => bearer(shopperToken),
    });
    expect(
      await codeOf(
        shopper.product.reserveStock.mutate({ reservationId: 'x1', lines: [{ sku, quantity: 1 }] }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await codeOf(
        client().auth.serviceToken.mutate({
          service: 'order',
          secret: 'wrong-secret-of-any-length',
        }),
      ),
    ).toBe('UNAUTHORIZED');
  });

  it('grants no customer powers: a service token cannot read a profile', async () => {
    const { accessToken } = await client().auth.serviceToken.mutate({ service: 'order', secret });
    const asService = createCellClient({
      urlFor: () => `${host.url}/trpc`,
      headers: () => bearer(accessToken),
    });
    expect(await codeOf(asService.user.getProfile.query())).toBe('FORBIDDEN');
  });

  it('is disabled when no secret is configured', async () => {
    delete process.env.SERVICE_TOKEN_SECRET;
    try {
      expect(await codeOf(client().auth.serviceToken.mutate({ service: 'order', secret }))).toBe(
        'PRECONDITION_FAILED',
      );
    } finally {
      process.env.SERVICE_TOKEN_SECRET = secret;
    }
  });
});

describe('behind the internal credential (production)', () => {
  const cellCredential = 'service-identity-test-credential-0123456789';
  let guarded: CellHost;
  const saved = process.env.CELL_SERVICE_TOKEN;
  beforeAll(async () => {
    guarded = await startTestHost(['auth', 'product'], { cellCredential });
  });
  afterAll(async () => {
    await guarded.close();
    routeCellCallsTo(() => `${host.url}/trpc`);
    if (saved === undefined) delete process.env.CELL_SERVICE_TOKEN;
    else process.env.CELL_SERVICE_TOKEN = saved;
  });

  it('a saga step presents it to the token exchange and to the cell it calls', async () => {
    routeCellCallsTo(() => `${guarded.url}/trpc`);
    forgetServiceTokens();
    delete process.env.CELL_SERVICE_TOKEN;
    // Without the credential, the exchange itself is refused by the host.
    const refused: unknown = await serviceCellClient('order')
      .product.releaseStock.mutate({ reservationId: 'none' })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(TRPCClientError);
    expect((refused as TRPCClientError<never>).meta?.response).toMatchObject({ status: 401 });

    process.env.CELL_SERVICE_TOKEN = cellCredential;
    forgetServiceTokens();
    const service = serviceCellClient('order');
    const held = await service.product.reserveStock.mutate({
      reservationId: 'service-identity-guarded',
      lines: [{ sku, quantity: 1 }],
    });
    expect(held.reservationId).toBe('service-identity-guarded');
    await service.product.releaseStock.mutate({ reservationId: 'service-identity-guarded' });
  });
});

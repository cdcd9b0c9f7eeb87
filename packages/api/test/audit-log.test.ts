import { randomUUID } from 'node:crypto';
import { connectDomainDatabase } from '@shop/db';
import { authModels } from '@shop/db/auth';
import { productModels } from '@shop/db/product';
import { requireRealMongo } from '@shop/db/testing';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryView } from '../src/audit/audit-entry-view';
import { verifyChain } from '../src/audit/verify-chain';
import { createCellClient } from '../src/client';
import type { CellHost } from '../src/host';
import { loginAs } from './support/login';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

/**
 * The staff audit log over HTTP: what a staff change records (who, roles, before/after, request
 * id, address), what is not recorded (shoppers' own changes, refused or failed calls), one linear
 * chain under concurrent writers, and who may read it.
 */

let host: CellHost;
let second: CellHost | undefined;
type Client = ReturnType<typeof createCellClient>;
const tokens: Record<string, string> = {};
let productId: string;
let shopperId: string;

function clientFor(
  name: string,
  headers: Record<string, string> = {},
  url: string = host.url,
): Client {
  return createCellClient({
    urlFor: () => `${url}/trpc`,
    headers: () => ({ authorization: `Bearer ${tokens[name]}`, ...headers }),
  });
}

async function refusalCode(call: Promise<unknown>): Promise<string | undefined> {
  const error: unknown = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCClientError)) throw new Error('expected the call to be refused');
  return (error.data as { code?: string }).code;
}

async function productEntries(filter: { objectId?: string } = {}): Promise<AuditEntryView[]> {
  const page = await clientFor('admin').product.auditLog.query({ ...filter, limit: 100 });
  return page.items;
}

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost(['auth', 'user', 'product']);
  for (const name of ['admin', 'catalog', 'support', 'analyst', 'shopper']) {
    tokens[name] = await loginAs(host.url, `${name}@example.com`);
  }
  const { Product } = productModels(await connectDomainDatabase('product'));
  productId = String((await Product.findOne({ status: 'active' }).lean())?._id);
  const { Account } = authModels(await connectDomainDatabase('auth'));
  shopperId = String((await Account.findOne({ email: 'shopper@example.com' }).lean())?._id);
}, 60_000);
afterAll(() => stopTestHosts(host, second));

describe('a staff change', () => {
  it('is recorded with who, role, procedure, object, before and after, request id and address', async () => {
    const requestId = `audit-${randomUUID()}`;
    const catalog = clientFor('catalog', {
      'x-request-id': requestId,
      // Without CELL_SERVICE_TOKEN every caller is internal, so its forwarded address is taken.
      'x-forwarded-for': '203.0.113.7',
    });
    const before = await catalog.product.byId.query({ id: productId });
    await catalog.product.update.mutate({
      id: productId,
      expectedVersion: before.version,
      changes: { brand: 'Audited Brand' },
    });

    const [entry] = await productEntries({ objectId: productId });
    expect(entry).toMatchObject({
      cell: 'product',
      procedure: 'product.update',
      actor: { email: 'catalog@example.com' },
      roles: ['catalog_manager'],
      object: { type: 'product', ids: [productId] },
      before: { brand: before.brand, name: before.name },
      after: { brand: 'Audited Brand', name: before.name },
      requestId,
      clientAddress: '203.0.113.7',
      input: null,
    });
    // Only what changed (and the name, to say which product): not the whole document.
    expect(Object.keys(entry!.after as object).sort()).toEqual(['brand', 'name']);
    expect(Date.now() - Date.parse(entry!.at)).toBeLessThan(10 * 60_000);
  });

  it("of a customer records the changed fields; the shopper's own change is no staff entry", async () => {
    const shopper = clientFor('shopper');
    await shopper.user.updateProfile.mutate({ name: 'Sam Shopper-Own' });
    await clientFor('support').user.updateCustomer.mutate({
      accountId: shopperId,
      name: 'Sam Shopper-Staff',
    });
    const { items } = await clientFor('admin').user.auditLog.query({ objectId: shopperId });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      procedure: 'user.updateCustomer',
      actor: { email: 'support@example.com' },
      roles: ['support'],
      before: { name: 'Sam Shopper-Own' },
      after: { name: 'Sam Shopper-Staff' },
    });
    const byShopper = await clientFor('admin').user.auditLog.query({ person: shopperId });
    expect(byShopper.items).toEqual([]);
  });

  it('without before/after records its input with personal fields redacted', async () => {
    const { Account } = authModels(await connectDomainDatabase('auth'));
    const analyst = await Account.findOne({ email: 'analyst@example.com' }).lean();
    await clientFor('support').user.addCustomerNote.mutate({
      accountId: String(analyst?._id),
      body: 'Lives at 1 Secret Street, phone 0611111111',
      requestKey: randomUUID(),
    });
    const { items } = await clientFor('admin').user.auditLog.query({
      action: 'addCustomerNote',
    });
    expect(items[0]?.after).toMatchObject({ characters: 42 });
    expect(JSON.stringify(items[0])).not.toContain('Secret Street');
  });

  it('is not recorded when the mutation is refused or fails', async () => {
    const count = (await productEntries()).length;
    expect(
      await refusalCode(
        clientFor('analyst').product.update.mutate({ id: productId, changes: { brand: 'No' } }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await refusalCode(
        clientFor('catalog').product.update.mutate({
          id: productId,
          expectedVersion: 0,
          changes: { brand: 'Stale' },
        }),
      ),
    ).toBe('CONFLICT');
    expect(await productEntries()).toHaveLength(count);
  });
});

describe('the chain', () => {
  it('stays one linear, valid chain under concurrent staff mutations', async () => {
    const { InventoryItem } = productModels(await connectDomainDatabase('product'));
    const item = await InventoryItem.findOne().lean();
    const catalog = clientFor('catalog');
    const before = (await verifyChain('product')).entries;
    await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        catalog.product.adjustStock.mutate({ sku: item!.sku, delta: 1, reason: `load ${index}` }),
      ),
    );
    const verification = await verifyChain('product');
    expect(verification).toMatchObject({ ok: true, entries: before + 12, firstBroken: null });
    expect(verification.head?.seq).toBe(before + 12);
  });

  it('stays linear when two hosts append at once (the unique index settles it)', async (context) => {
    requireRealMongo(context, 'uniqueIndexes');
    second = await startTestHost(['product']);
    const before = (await verifyChain('product')).entries;
    const { InventoryItem } = productModels(await connectDomainDatabase('product'));
    const item = await InventoryItem.findOne().lean();
    await Promise.all(
      Array.from({ length: 16 }, (_, index) =>
        clientFor('catalog', {}, index % 2 ? host.url : second!.url).product.adjustStock.mutate({
          sku: item!.sku,
          delta: 1,
          reason: `two hosts ${index}`,
        }),
      ),
    );
    expect(await verifyChain('product')).toMatchObject({ ok: true, entries: before + 16 });
  });
});

describe('reading the log', () => {
  it('is for admins (audit:read): a catalog manager, support and a shopper get 403', async () => {
    const page = await clientFor('admin').product.auditLog.query({ verify: true });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.verification).toMatchObject({ ok: true, firstBroken: null });
    for (const name of ['catalog', 'support', 'shopper']) {
      expect(await refusalCode(clientFor(name).product.auditLog.query({}))).toBe('FORBIDDEN');
    }
  });

  it('filters by person, action, object and date, and pages by seq', async () => {
    const admin = clientFor('admin');
    const byPerson = await admin.product.auditLog.query({ person: 'CATALOG@example.com' });
    expect(byPerson.items.every((item) => item.actor.email === 'catalog@example.com')).toBe(true);
    const adjustments = await admin.product.auditLog.query({ action: 'adjustStock', limit: 5 });
    expect(adjustments.items).toHaveLength(5);
    expect(adjustments.items.every((item) => item.procedure === 'product.adjustStock')).toBe(true);
    expect(adjustments.hasMore).toBe(true);
    const next = await admin.product.auditLog.query({
      action: 'adjustStock',
      limit: 5,
      beforeSeq: adjustments.nextBeforeSeq!,
    });
    expect(next.items[0]!.seq).toBeLessThan(adjustments.items.at(-1)!.seq);
    const future = await admin.product.auditLog.query({ from: '2999-01-01T00:00:00Z' });
    expect(future.items).toEqual([]);
    expect(
      await refusalCode(
        admin.product.auditLog.query({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }),
      ),
    ).toBe('BAD_REQUEST');
  });
});

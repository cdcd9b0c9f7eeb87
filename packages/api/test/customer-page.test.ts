import { randomUUID } from 'node:crypto';
import { connectDomainDatabase } from '@shop/db';
import { authModels } from '@shop/db/auth';
import { orderModels } from '@shop/db/order';
import { userModels } from '@shop/db/user';
import { TRPCClientError } from '@trpc/client';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteProfileAndAddressesStep } from '../src/cells/user/functions/erase-personal-data';
import type { CellHost } from '../src/host';
import { signInDemoAccounts, type CellClient } from './support/login';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

/**
 * What the back office's customer page reads and writes, over HTTP: staff's notes about a
 * customer (user cell) and the customer's orders with their lifetime value (order cell).
 */

let host: CellHost;
type Client = CellClient;
const as: Record<string, Client> = {};
let customerId: string;

async function refusal(
  call: Promise<unknown>,
): Promise<{ code?: string; issues?: { path: string; message: string }[] }> {
  const error: unknown = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCClientError)) throw new Error('expected the call to be refused');
  return error.data as { code?: string; issues?: { path: string; message: string }[] };
}

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost(['auth', 'user', 'order']);
  const accounts = await signInDemoAccounts(host.url, [
    'support',
    'orders',
    'analyst',
    'catalog',
    'shopper',
  ]);
  for (const [name, { client }] of Object.entries(accounts)) as[name] = client;
  const { Account } = authModels(await connectDomainDatabase('auth'));
  const account = await Account.findOne({ email: 'shopper@example.com' }).lean();
  customerId = String(account?._id);
}, 60_000);
afterAll(() => stopTestHosts(host));

describe('notes about a customer', () => {
  it('keeps a note with its author, once however often the save is retried', async () => {
    const requestKey = randomUUID();
    const note = {
      accountId: customerId,
      body: 'Prefers delivery after 5 pm.\nCall first.',
      requestKey,
    };
    const saves = await Promise.all([
      as.support!.user.addCustomerNote.mutate(note),
      as.support!.user.addCustomerNote.mutate(note),
      as.support!.user.addCustomerNote.mutate(note),
    ]);
    expect(new Set(saves.map((saved) => saved.id)).size).toBe(1);
    expect(saves[0]).toMatchObject({ body: note.body, author: 'Sue Support' });

    const { items } = await as.orders!.user.customerNotes.query({ accountId: customerId });
    expect(items.filter((each) => each.body === note.body)).toHaveLength(1);
  });

  it('lists the newest note first', async () => {
    await as.support!.user.addCustomerNote.mutate({
      accountId: customerId,
      body: 'Goodwill refund agreed for the scratched lamp.',
      requestKey: randomUUID(),
    });
    const { items } = await as.support!.user.customerNotes.query({ accountId: customerId });
    expect(items[0]?.body).toBe('Goodwill refund agreed for the scratched lamp.');
  });

  it('refuses an empty note at its field, and a customer that does not exist', async () => {
    const empty = await refusal(
      as.support!.user.addCustomerNote.mutate({
        accountId: customerId,
        body: ' \u200b ',
        requestKey: randomUUID(),
      }),
    );
    expect(empty.code).toBe('BAD_REQUEST');
    expect(empty.issues).toEqual([{ path: 'body', message: 'required' }]);
    const nobody = await refusal(
      as.support!.user.customerNotes.query({ accountId: new Types.ObjectId().toString() }),
    );
    expect(nobody.code).toBe('NOT_FOUND');
  });

  it('is read with customers:read and written with customers:write only', async () => {
    const note = { accountId: customerId, body: 'x', requestKey: randomUUID() };
    expect((await refusal(as.orders!.user.addCustomerNote.mutate(note))).code).toBe('FORBIDDEN');
    expect(
      (await refusal(as.analyst!.user.customerNotes.query({ accountId: customerId }))).code,
    ).toBe('FORBIDDEN');
    expect(
      (await refusal(as.shopper!.user.customerNotes.query({ accountId: customerId }))).code,
    ).toBe('FORBIDDEN');
  });

  it('are deleted with the account', async () => {
    const { CustomerNote } = userModels(await connectDomainDatabase('user'));
    const accountId = new Types.ObjectId(customerId);
    expect(await CustomerNote.countDocuments({ accountId })).toBeGreaterThan(0);
    await deleteProfileAndAddressesStep.run(accountId);
    expect(await CustomerNote.countDocuments({ accountId })).toBe(0);
  });
});

describe("a customer's orders and lifetime value", () => {
  let buyerId: string;

  beforeAll(async () => {
    // A staff account stands in for a customer with no orders of its own; its orders are copies
    // of a seeded one with the fields under test changed.
    const { Account } = authModels(await connectDomainDatabase('auth'));
    buyerId = String((await Account.findOne({ email: 'analyst@example.com' }).lean())?._id);
    const { Order } = orderModels(await connectDomainDatabase('order'));
    const template = await Order.findOne().lean();
    if (!template) throw new Error('the seed placed no order to copy');
    const { _id: _ignored, ...copied } = template;
    const day = (n: number) => new Date(Date.UTC(2026, 0, n));
    const accountId = new Types.ObjectId(buyerId);
    const orders = [
      { status: 'DELIVERED', totalMinor: 10000, refundedMinor: 2000, createdAt: day(1), accountId },
      { status: 'CONFIRMED', totalMinor: 5000, refundedMinor: 0, createdAt: day(5), accountId },
      { status: 'CANCELLED', totalMinor: 7000, refundedMinor: 0, createdAt: day(9), accountId },
      // Placed as a guest: not the account's, whatever its email.
      {
        status: 'CONFIRMED',
        totalMinor: 9900,
        refundedMinor: 0,
        createdAt: day(10),
        accountId: null,
      },
    ];
    await Order.collection.insertMany(
      orders.map((order, index) => ({
        ...copied,
        ...order,
        currency: 'EUR',
        number: `SO-HIST-${index}`,
        updatedAt: order.createdAt,
      })),
    );
  });

  it('adds up paid orders net of refunds, and lists every order newest first', async () => {
    const history = await as.support!.order.customerHistory.query({ accountId: buyerId });
    expect(history.lifetime).toEqual([{ currency: 'EUR', orders: 2, salesMinor: 13000 }]);
    expect(history.items.map((order) => order.number)).toEqual([
      'SO-HIST-2',
      'SO-HIST-1',
      'SO-HIST-0',
    ]);
    expect(history.total).toBe(3);
    expect(history.firstOrderAt).toBe('2026-01-01T00:00:00.000Z');
    expect(history.lastOrderAt).toBe('2026-01-09T00:00:00.000Z');
  });

  it('is for staff who read orders', async () => {
    expect(
      (await refusal(as.catalog!.order.customerHistory.query({ accountId: buyerId }))).code,
    ).toBe('FORBIDDEN');
    expect(
      (await refusal(as.shopper!.order.customerHistory.query({ accountId: buyerId }))).code,
    ).toBe('FORBIDDEN');
    const bad = await refusal(as.support!.order.customerHistory.query({ accountId: 'nope' }));
    expect(bad.code).toBe('BAD_REQUEST');
  });
});

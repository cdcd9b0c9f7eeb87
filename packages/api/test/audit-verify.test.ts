import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { connectDomainDatabase } from '@shop/db';
import { productModels } from '@shop/db/product';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditEntriesOf } from '../src/audit/audit-databases';
import type { AuditEntryModel } from '../src/audit/audit-entry-model';
import { entryHash } from '../src/audit/entry-hash';
import { hashedFieldsOf, type StoredAuditEntry } from '../src/audit/stored-entry';
import { verifyChain } from '../src/audit/verify-chain';
import { createCellClient } from '../src/client';
import type { CellHost } from '../src/host';
import { loginAs } from './support/login';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

/**
 * Tampering with the audit log in the database (as someone with write access could) is found:
 * `verifyChain` and `pnpm audit:verify` name the first broken entry and how it was broken.
 */

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
let host: CellHost;
let AuditEntry: AuditEntryModel;
/** The untouched chain, put back after each test. */
let original: Record<string, unknown>[];

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost(['auth', 'product']);
  const token = await loginAs(host.url, 'catalog@example.com');
  const catalog = createCellClient({
    urlFor: () => `${host.url}/trpc`,
    headers: () => ({ authorization: `Bearer ${token}` }),
  });
  const { InventoryItem } = productModels(await connectDomainDatabase('product'));
  const item = await InventoryItem.findOne().lean();
  // One at a time, so the entries' order is the test's.
  for (let index = 1; index <= 6; index += 1) {
    await catalog.product.adjustStock.mutate({
      sku: item!.sku,
      delta: index,
      reason: `delivery ${index}`,
    });
  }
  AuditEntry = await auditEntriesOf('product');
  original = await AuditEntry.collection.find({ chain: 'product' }).sort({ seq: 1 }).toArray();
  expect(original).toHaveLength(6);
}, 60_000);
afterEach(async () => {
  await AuditEntry.collection.deleteMany({ chain: 'product' });
  await AuditEntry.collection.insertMany(original.map((entry) => ({ ...entry })));
});
afterAll(() => stopTestHosts(host));

async function swapSeq(a: number, b: number): Promise<void> {
  await AuditEntry.collection.updateOne({ chain: 'product', seq: a }, { $set: { seq: -1 } });
  await AuditEntry.collection.updateOne({ chain: 'product', seq: b }, { $set: { seq: a } });
  await AuditEntry.collection.updateOne({ chain: 'product', seq: -1 }, { $set: { seq: b } });
}

describe('verifying a chain', () => {
  it('passes an untouched chain', async () => {
    expect(await verifyChain('product')).toMatchObject({
      ok: true,
      entries: 6,
      head: { seq: 6 },
      firstBroken: null,
    });
  });

  it('names an edited entry', async () => {
    await AuditEntry.collection.updateOne(
      { chain: 'product', seq: 3 },
      { $set: { 'after.onHand': 9999 } },
    );
    expect((await verifyChain('product')).firstBroken).toMatchObject({
      cell: 'product',
      seq: 3,
      kind: 'edited',
    });
  });

  it('names an entry edited and re-hashed by the one after it', async () => {
    const stored = (await AuditEntry.findOne({
      chain: 'product',
      seq: 4,
    }).lean()) as StoredAuditEntry;
    const forged = {
      ...stored,
      actor: { accountId: 'someone-else', email: 'someone@example.com' },
    };
    await AuditEntry.collection.updateOne(
      { chain: 'product', seq: 4 },
      { $set: { actor: forged.actor, hash: entryHash(hashedFieldsOf(forged)) } },
    );
    expect((await verifyChain('product')).firstBroken).toMatchObject({
      seq: 4,
      kind: 'edited',
      detail: expect.stringContaining('re-hashed'),
    });
  });

  it('names a deleted entry, also when the rest was renumbered', async () => {
    await AuditEntry.collection.deleteOne({ chain: 'product', seq: 3 });
    expect((await verifyChain('product')).firstBroken).toMatchObject({ seq: 3, kind: 'deleted' });
    for (const seq of [4, 5, 6]) {
      await AuditEntry.collection.updateOne({ chain: 'product', seq }, { $inc: { seq: -1 } });
    }
    expect((await verifyChain('product')).firstBroken).toMatchObject({ seq: 3, kind: 'deleted' });
  });

  it('names reordered entries', async () => {
    await swapSeq(2, 3);
    expect((await verifyChain('product')).firstBroken).toMatchObject({
      seq: 2,
      kind: 'reordered',
    });
  });

  it('through the command: prints the first broken entry and exits non-zero', async () => {
    const run = (...args: string[]) =>
      promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'src/audit/verify-main.ts', ...args],
        {
          cwd: packageRoot,
          env: process.env,
        },
      ).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    const clean = await run('--cell', 'product', '--cell', 'user');
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('ok product: 6 entries');
    const head = original.at(-1) as { seq: number; hash: string };

    // Truncating the tail leaves a valid chain: only an anchored head shows it.
    await AuditEntry.collection.deleteOne({ chain: 'product', seq: 6 });
    const truncated = await run('--cell', 'product', '--expect-head', `product:6:${head.hash}`);
    expect(truncated.code).toBe(1);
    expect(truncated.stdout).toContain('seq 6 (an anchored head) is gone');

    await AuditEntry.collection.updateOne({ chain: 'product', seq: 2 }, { $set: { roles: [] } });
    const edited = await run();
    expect(edited.code).toBe(1);
    expect(edited.stdout).toContain('BROKEN product: first broken entry seq 2 (edited)');
    expect(edited.stdout).toContain('ok auth: 0 entries');
  });
});

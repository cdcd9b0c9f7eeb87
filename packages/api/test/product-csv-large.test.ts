import { connectDomainDatabase } from '@shop/db';
import { productModels, type ProductModels } from '@shop/db/product';
import { waitFor } from '@shop/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCellClient } from '../src/client';
import { uploadAndPreview } from './support/csv-import-calls';
import { tenVariantProductsCsv } from './support/csv-fixtures';
import { startHostWithExecutor, type HostWithExecutor } from './support/host-with-executor';
import { bearer } from './support/http';
import { loginAs } from './support/login';
import { seedFileDatabases } from './support/seed-file-databases';

// A 10,000-row file is previewed (parsed in parts, every row planned). Applying one is timed by
// `pnpm --filter @shop/bench csv-import` rather than here: on the in-memory stand-in it writes for
// about 200 s. What the background apply must get right (chunks by the apply-csv-import function
// on the local Inngest executor, resuming after a crash that had written the first chunk but not
// recorded it, nothing doubled) is proved on a 1,100-row file: two chunks, the first written
// twice.

let platform: HostWithExecutor;
let models: ProductModels;
let staff: ReturnType<typeof createCellClient>;

beforeAll(async () => {
  await seedFileDatabases();
  platform = await startHostWithExecutor(['auth', 'product']);
  const token = await loginAs(platform.host.url, 'catalog@example.com');
  staff = createCellClient({
    urlFor: () => `${platform.host.url}/trpc`,
    headers: () => bearer(token),
  });
  models = productModels(await connectDomainDatabase('product'));
}, 120_000);
afterAll(() => platform?.stop());

describe('large imports', () => {
  it('previews a 10,000-row file sent in parts: every row planned, none refused', async () => {
    const text = tenVariantProductsCsv(1_000);
    expect(text.length).toBeGreaterThan(262_144); // sent in several parts
    const view = await uploadAndPreview(staff, text, 'products', 'ten-thousand.csv');
    expect(view.preview!.rows).toBe(10_000);
    expect(view.preview!.errors).toEqual([]);
    expect(view.preview!.products).toEqual({ create: 1_000, update: 0, unchanged: 0 });
    expect(view.preview!.variants).toEqual({ create: 10_000, update: 0, unchanged: 0 });
  }, 300_000);

  it('applies in the background, survives a crash mid-import and writes every row once', async () => {
    const text = tenVariantProductsCsv(110);
    const view = await uploadAndPreview(staff, text, 'products', 'eleven-hundred.csv');
    expect(view.preview!.variants).toEqual({ create: 1_100, update: 0, unchanged: 0 });

    // A crash: the first chunk's products were written, the progress record was not.
    const { applyNextChunk } = await import('../src/cells/product/csv-import-run');
    await models.CsvImport.updateOne({ _id: view.id }, { $set: { status: 'applying' } });
    expect(await applyNextChunk(models, view.id, pino({ level: 'silent' }))).toMatchObject({
      done: 100,
    });
    await models.CsvImport.updateOne({ _id: view.id }, { $set: { done: 0, results: [] } });
    expect(await models.Product.countDocuments({ slug: /^bulk-tee-/ })).toBe(100);

    // The engine's run: the event the apply procedure sends for a large file.
    const sent = await fetch(`${platform.executor.url}/e/test`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'product/csv-import.requested', data: { importId: view.id } }),
    });
    expect(sent.status).toBe(200);
    const done = await waitFor(
      async () => {
        // Read from the database: a staff token would expire during a long wait.
        const state = await models.CsvImport.findById(view.id)
          .select({ status: 1, error: 1 })
          .lean();
        if (state?.status === 'failed') throw new Error(state.error ?? 'failed');
        return state?.status === 'applied' ? state : undefined;
      },
      { what: 'the import to be applied', timeoutMs: 240_000 },
    );
    expect(done.status).toBe('applied');
    // A fresh token: the first may have expired while the import ran.
    const fresh = await loginAs(platform.host.url, 'catalog@example.com');
    staff = createCellClient({
      urlFor: () => `${platform.host.url}/trpc`,
      headers: () => bearer(fresh),
    });
    const state = await staff.product.csvImport.query({ importId: view.id });
    expect(state).toMatchObject({ done: 110, total: 110 });
    // The first chunk's rows were already in place when the run re-planned them.
    expect(state.outcome).toEqual({ created: 100, updated: 0, unchanged: 1_000, failed: 0 });
    expect(await models.Product.countDocuments({ slug: /^bulk-tee-/ })).toBe(110);
    expect(await models.InventoryItem.countDocuments({ sku: /^BULK-/ })).toBe(1_100);
    expect(await models.StockMovement.countDocuments({ key: view.id })).toBe(1_100);
    const report = await staff.product.csvImportReport.query({ importId: view.id });
    expect(report.text.trim().split('\n')).toHaveLength(1_101);

    // And the file imported again is all "unchanged".
    const again = await uploadAndPreview(staff, text);
    expect(again.preview!.products).toEqual({ create: 0, update: 0, unchanged: 110 });
  }, 300_000);
});

import { connectDomainDatabase } from '@shop/db';
import { productModels, type ProductModels } from '@shop/db/product';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellHost } from '../src/host';
import { failureOf } from './support/cart-calls';
import { uploadAndPreview } from './support/csv-import-calls';
import { tenVariantProductsCsv } from './support/csv-fixtures';
import { bearer, queryUrl, request } from './support/http';
import { signInDemoAccounts, type CellClient, type SignedIn } from './support/login';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

// CSV export and import over HTTP: the round trip, the files that break other importers, the dry
// run's line/column errors, upserts by handle and SKU, and who may do each.

let host: CellHost;
let accounts: Record<'catalog' | 'analyst' | 'orders' | 'shopper', SignedIn>;
let models: ProductModels;
type Client = CellClient;
let staff: Client;

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost(['auth', 'product']);
  accounts = await signInDemoAccounts(host.url, ['catalog', 'analyst', 'orders', 'shopper']);
  staff = accounts.catalog.client;
  models = productModels(await connectDomainDatabase('product'));
});
afterAll(() => stopTestHosts(host));

const post = (path: string, body: unknown, token: string) =>
  request(`${host.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(token) },
    body: JSON.stringify(body),
  });
const get = (path: string, input: unknown, token: string) =>
  request(queryUrl(host.url, path, input), { headers: bearer(token) });

const header =
  'handle,name,brand,status,categories,description,option1_name,option1_value,sku,price,compare_at_price,stock';

describe('CSV export and import', () => {
  // The export reads the whole seeded catalogue.
  it('export for analysts and catalog managers; import for catalog managers only', async () => {
    expect((await get('product.exportProductsCsv', undefined, accounts.catalog.token)).status).toBe(
      200,
    );
    expect((await get('product.exportProductsCsv', undefined, accounts.analyst.token)).status).toBe(
      200,
    );
    expect((await get('product.exportProductsCsv', undefined, accounts.orders.token)).status).toBe(
      403,
    );
    expect((await get('product.exportProductsCsv', undefined, accounts.shopper.token)).status).toBe(
      403,
    );
    const { importId } = await staff.product.startCsvImport.mutate({
      kind: 'products',
      fileName: 'a.csv',
      partCount: 1,
    });
    const writes: [string, unknown][] = [
      ['product.startCsvImport', { kind: 'products', fileName: 'a.csv', partCount: 1 }],
      ['product.uploadCsvImportPart', { importId, index: 0, text: header }],
      ['product.previewCsvImport', { importId }],
      ['product.applyCsvImport', { importId }],
    ];
    for (const token of [accounts.analyst.token, accounts.orders.token, accounts.shopper.token]) {
      for (const [path, input] of writes) expect((await post(path, input, token)).status).toBe(403);
      expect((await get('product.csvImport', { importId }, token)).status).toBe(403);
      expect((await get('product.csvImportReport', { importId }, token)).status).toBe(403);
    }
  }, 120_000);

  it('round-trips: importing an export unchanged reports no changes', async () => {
    const { text } = await staff.product.exportProductsCsv.query();
    expect(text.startsWith('\uFEFFhandle,name,brand,status,categories,description,')).toBe(true);
    const preview = (await uploadAndPreview(staff, text)).preview!;
    expect(preview.errors).toEqual([]);
    expect(preview.products.create + preview.products.update).toBe(0);
    expect(preview.variants.create + preview.variants.update).toBe(0);
    expect(preview.products.unchanged).toBe(await models.Product.countDocuments());
    expect(preview.rows).toBe(await models.InventoryItem.countDocuments());
  }, 180_000); // the whole seeded catalogue (2,000 products) out and back in

  it('reads and writes tags: normalised on import, exported, round-tripped, refused at their cell', async () => {
    const tagged = `${header},tags\r\n`;
    const created = await uploadAndPreview(
      staff,
      tagged +
        'csv-tagged-chair,Tagged chair,Oakline,draft,furniture,,,,CSV-TAG-1,40.00,,3,"Summer| garden  Party |summer"\r\n',
    );
    expect(created.preview!.errors).toEqual([]);
    await staff.product.applyCsvImport.mutate({ importId: created.id });
    const product = await models.Product.findOne({ slug: 'csv-tagged-chair' }).lean();
    expect(product!.tags).toEqual(['summer', 'garden party']);

    // Out: the product's row carries its tags; back in unchanged: nothing to do.
    const { text } = await staff.product.exportProductsCsv.query();
    const row = text.split('\n').find((line) => line.startsWith('csv-tagged-chair,'));
    expect(row?.trim().endsWith(',summer|garden party')).toBe(true);
    const exportedHeader = text.split('\n')[0]!.replace('\uFEFF', '').trim();
    const again = await uploadAndPreview(staff, `${exportedHeader}\n${row}\n`);
    expect(again.preview!.errors).toEqual([]);
    expect(again.preview!.products).toEqual({ create: 0, update: 0, unchanged: 1 });

    // A changed tags cell is an update of the tags only; an empty one leaves them alone.
    const retagged = await uploadAndPreview(
      staff,
      tagged + 'csv-tagged-chair,,,,,,,,CSV-TAG-1,40.00,,3,winter\r\n',
    );
    expect(retagged.preview!.changes).toMatchObject([{ action: 'update', fields: ['tags'] }]);
    await staff.product.applyCsvImport.mutate({ importId: retagged.id });
    expect((await models.Product.findOne({ slug: 'csv-tagged-chair' }).lean())!.tags).toEqual([
      'winter',
    ]);
    const untouched = await uploadAndPreview(
      staff,
      tagged + 'csv-tagged-chair,,,,,,,,CSV-TAG-1,40.00,,3,\r\n',
    );
    expect(untouched.preview!.products).toEqual({ create: 0, update: 0, unchanged: 1 });

    // A bad tag is named at its line and column; nothing is written.
    const bad = await uploadAndPreview(
      staff,
      tagged + 'csv-tagged-chair,,,,,,,,CSV-TAG-1,40.00,,3,winter|50% off\r\n',
    );
    expect(bad.preview!.errors).toEqual([
      {
        line: 2,
        column: 'tags',
        message: expect.stringContaining('letters and digits'),
      },
    ]);
  }, 120_000);

  it('reads quoted commas, quotes and line breaks, a BOM, empty trailing columns, and ignores an id column', async () => {
    const text =
      '\uFEFFid,' +
      header +
      ',,\r\n' +
      '64b000000000000000000001,csv-quoted-lamp,"Lamp, ""Arc"" edition",Lumen,draft,lighting,"First line, with a comma.\nSecond line ""quoted"".",Colour,Black,CSV-QL-BLACK,89.00,99.00,7,,\r\n' +
      '64b000000000000000000002,csv-quoted-lamp,,,,,,Colour,White,CSV-QL-WHITE,89.00,,0,,\r\n';
    const view = await uploadAndPreview(staff, text);
    expect(view.preview!.errors).toEqual([]);
    expect(view.preview!.products).toEqual({ create: 1, update: 0, unchanged: 0 });
    expect(view.preview!.variants).toEqual({ create: 2, update: 0, unchanged: 0 });
    // The dry run wrote nothing.
    expect(await models.Product.exists({ slug: 'csv-quoted-lamp' })).toBeNull();
    const applied = await staff.product.applyCsvImport.mutate({ importId: view.id });
    expect(applied.status).toBe('applied');
    expect(applied.outcome).toEqual({ created: 2, updated: 0, unchanged: 0, failed: 0 });
    const product = await models.Product.findOne({ slug: 'csv-quoted-lamp' }).lean();
    expect(product).toMatchObject({
      name: 'Lamp, "Arc" edition',
      brand: 'Lumen',
      description: 'First line, with a comma.\nSecond line "quoted".',
      options: [{ name: 'Colour', values: ['Black', 'White'] }],
    });
    expect(
      product!.variants.map((v) => [v.sku, v.priceMinor, v.compareAtPriceMinor ?? null]),
    ).toEqual([
      ['CSV-QL-BLACK', 8900, 9900],
      ['CSV-QL-WHITE', 8900, null],
    ]);
    const stock = await models.InventoryItem.findOne({ sku: 'CSV-QL-BLACK' }).lean();
    expect(stock).toMatchObject({ onHand: 7, available: 7 });
    const ledger = await staff.product.stockMovements.query({ sku: 'CSV-QL-BLACK' });
    expect(ledger.movements.map((m) => [m.reason, m.delta, m.source, m.actorEmail])).toEqual([
      ['initial', 7, 'csv', 'catalog@example.com'],
    ]);
    // Applying the same import again changes nothing.
    const again = await staff.product.applyCsvImport.mutate({ importId: view.id });
    expect(again.outcome).toEqual(applied.outcome);
  });

  it('reads semicolon files from European spreadsheets (decimal commas) and updates by handle and SKU', async () => {
    const text =
      'handle;sku;price;compare_at_price;stock;option1_name;option1_value\n' +
      'csv-quoted-lamp;CSV-QL-BLACK;79,50;99,00;7;Colour;Black\n' +
      'csv-quoted-lamp;CSV-QL-WHITE;89;;12;Colour;White\n' +
      'csv-quoted-lamp;CSV-QL-GREEN;91,5;;3;Colour;Green\n';
    const view = await uploadAndPreview(staff, text);
    expect(view.preview!.delimiter).toBe(';');
    expect(view.preview!.errors).toEqual([]);
    expect(view.preview!.products).toEqual({ create: 0, update: 1, unchanged: 0 });
    expect(view.preview!.variants).toEqual({ create: 1, update: 2, unchanged: 0 });
    expect(view.preview!.changes[0]).toMatchObject({ handle: 'csv-quoted-lamp', action: 'update' });
    expect(view.preview!.changes[0]!.fields).toEqual(expect.arrayContaining(['variants', 'stock']));
    await staff.product.applyCsvImport.mutate({ importId: view.id });
    const product = await models.Product.findOne({ slug: 'csv-quoted-lamp' }).lean();
    expect(product!.variants.map((v) => [v.sku, v.priceMinor])).toEqual([
      ['CSV-QL-BLACK', 7950],
      ['CSV-QL-WHITE', 8900],
      ['CSV-QL-GREEN', 9150],
    ]);
    expect(product!.options).toEqual([{ name: 'Colour', values: ['Black', 'White', 'Green'] }]);
    expect(await models.InventoryItem.findOne({ sku: 'CSV-QL-WHITE' }).lean()).toMatchObject({
      onHand: 12,
    });
    const ledger = await staff.product.stockMovements.query({ sku: 'CSV-QL-WHITE' });
    expect(ledger.movements.map((m) => [m.reason, m.delta, m.note])).toEqual([
      ['counted', 12, 'CSV import'],
    ]);
  });

  it('lists every bad row with its line, column and reason, refuses to apply, then applies the fixed file', async () => {
    const bad =
      header +
      '\n' +
      'csv-bad-chair,Bad Chair,Sitwell,draft,no-such-category,,,,CSV-BC-1,12.5.0,,3\n' +
      'csv-bad-chair,,,,,,,,CSV-BC-2,10.00,,-1\n' +
      'Not A Handle,Desk,Sitwell,draft,lighting,,,,CSV-D-1,10.00,,\n' +
      'csv-quoted-lamp,,,,,,Colour,Black,CSV-QL-WHITE,10.00,,\n';
    const view = await uploadAndPreview(staff, bad);
    expect(view.preview!.errors).toEqual([
      { line: 2, column: 'price', message: expect.stringMatching(/amount such as 12.50/) },
      { line: 3, column: 'stock', message: expect.stringMatching(/whole number/) },
      { line: 4, column: 'handle', message: expect.stringMatching(/lowercase/) },
      { line: 5, column: 'option1_value', message: expect.stringMatching(/same option values/) },
    ]);
    const refused = await failureOf(staff.product.applyCsvImport.mutate({ importId: view.id }));
    expect(refused.code).toBe('CONFLICT');
    const report = await staff.product.csvImportReport.query({ importId: view.id });
    expect(report.text.split('\n')[2]).toMatch(/^3,,,error,"?stock: Must be a whole number/);

    const stillBad =
      header +
      '\n' +
      'csv-bad-chair,Bad Chair,Sitwell,draft,no-such-category,,,,CSV-BC-1,12.50,,3\n' +
      'csv-other,Other,Sitwell,draft,lighting,,,,CSV-QL-BLACK,10.00,,\n';
    expect((await uploadAndPreview(staff, stillBad)).preview!.errors).toEqual([
      {
        line: 2,
        column: 'categories',
        message: expect.stringMatching(/No category "no-such-category"/),
      },
      { line: 3, column: 'sku', message: expect.stringMatching(/belongs to csv-quoted-lamp/) },
    ]);

    const fixed =
      header +
      '\n' +
      'csv-bad-chair,Bad Chair,Sitwell,draft,lighting,,Colour,Oak,CSV-BC-1,12.50,,3\n' +
      'csv-bad-chair,,,,,,,Ash,CSV-BC-2,10.00,,1\n';
    const good = await uploadAndPreview(staff, fixed);
    expect(good.preview!.errors).toEqual([]);
    expect(good.preview!.products).toEqual({ create: 1, update: 0, unchanged: 0 });
    const applied = await staff.product.applyCsvImport.mutate({ importId: good.id });
    expect(applied).toMatchObject({ status: 'applied', done: 1, total: 1 });
    const chair = await models.Product.findOne({ slug: 'csv-bad-chair' }).lean();
    expect(chair!.variants.map((v) => [v.sku, v.optionValues])).toEqual([
      ['CSV-BC-1', ['Oak']],
      ['CSV-BC-2', ['Ash']],
    ]);
  });

  it('refuses an unknown column and a file without its required columns, naming them', async () => {
    const view = await uploadAndPreview(staff, 'handle,sku,prize\nx,Y,1\n');
    expect(view.preview!.errors).toEqual([
      { line: 1, column: 'prize', message: expect.stringMatching(/^Unknown column/) },
      { line: 1, column: 'price', message: 'This column is required' },
    ]);
    const oversized = await post(
      'product.uploadCsvImportPart',
      { importId: view.id, index: 0, text: 'x'.repeat(262_145) },
      accounts.catalog.token,
    );
    expect(oversized.status).toBe(400);
  });

  it('applies a stock CSV (bulk adjustment) once, with reasons in the ledger', async () => {
    const text =
      'sku,change,count,reason,note\n' +
      'CSV-QL-BLACK,5,,received,PO 1182\n' +
      'CSV-QL-WHITE,,4,counted,\n' +
      'CSV-QL-GREEN,-9,,damaged,\n' +
      'NO-SUCH,1,,received,\n';
    const bad = await uploadAndPreview(staff, text, 'stock', 'stock.csv');
    expect(bad.preview!.errors).toEqual([
      { line: 4, column: 'change', message: expect.stringMatching(/below the 0 reserved/) },
      { line: 5, column: 'sku', message: 'No SKU NO-SUCH in the catalogue' },
    ]);
    const view = await uploadAndPreview(staff, text.split('\n').slice(0, 3).join('\n'), 'stock');
    expect(view.preview!.variants).toEqual({ create: 0, update: 2, unchanged: 0 });
    const applied = await staff.product.applyCsvImport.mutate({ importId: view.id });
    expect(applied.outcome.updated).toBe(2);
    await staff.product.applyCsvImport.mutate({ importId: view.id });
    expect(await models.InventoryItem.findOne({ sku: 'CSV-QL-BLACK' }).lean()).toMatchObject({
      onHand: 12,
    });
    const ledger = await staff.product.stockMovements.query({ sku: 'CSV-QL-BLACK' });
    expect(ledger.movements[0]).toMatchObject({ reason: 'received', delta: 5, note: 'PO 1182' });
  });

  it('keeps a large file previewed (503, nothing written) when no background worker takes it', async () => {
    // 600 rows: above the 500 applied within the request. This host has no Inngest engine.
    const view = await uploadAndPreview(staff, tenVariantProductsCsv(60, 'nobg'));
    expect(view.preview!.errors).toEqual([]);
    const refused = await failureOf(staff.product.applyCsvImport.mutate({ importId: view.id }));
    expect(refused.httpStatus).toBe(503);
    expect(refused.message).toMatch(/nothing was changed/);
    const after = await staff.product.csvImport.query({ importId: view.id });
    expect(after.status).toBe('previewed');
    expect(await models.Product.countDocuments({ slug: /^nobg-tee-/ })).toBe(0);
  });
});

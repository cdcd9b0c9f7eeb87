/**
 * CSV import of 10,000 variant rows (1,000 products x 10 variants: colour x size) into the seeded
 * demo catalogue (2,000 products): the dry run (read, group, check every row against the
 * database) and the apply (create every product, its inventory and a starting-stock movement),
 * run in this process through the product cell's own code, chunk by chunk as the
 * `apply-csv-import` function runs it (without the engine's HTTP round trip per chunk). Peak
 * heap and RSS are sampled every 20 ms; with the in-memory stand-in the database lives in this
 * process too, so RSS includes it.
 *
 *   pnpm --filter @shop/bench csv-import              # 1,000 products x 10 variants
 *   BENCH_CSV_PRODUCTS=200 pnpm --filter @shop/bench csv-import
 */
import { loadavg } from 'node:os';
import { closeDatabaseConnections, connectDomainDatabase } from '@shop/db';
import { dbConfig } from '@shop/db/config';
import { resolveMongo } from '@shop/db/mongo';
import { productModels } from '@shop/db/product';
import { seedDemoData } from '@shop/db/seed';
import pino from 'pino';
import { describeMachine } from './machine';

const productCount = Number(process.env.BENCH_CSV_PRODUCTS ?? 1000);

const mongo = await resolveMongo({ mode: 'test', logger: pino({ level: 'warn' }) });
await seedDemoData({ uri: mongo.uri, productCount: 2000 });
process.env.MONGODB_URI = mongo.uri;
dbConfig.reset(); // read before the URI was known
const models = productModels(await connectDomainDatabase('product', { uri: mongo.uri }));
// The cell reads MONGODB_URI when its modules load.
const { dryRun } = await import('../../packages/api/src/cells/product/csv-dry-run');
const { applyNextChunk } = await import('../../packages/api/src/cells/product/csv-import-run');

function csvOf(products: number): string {
  const colours = ['Black', 'White', 'Red', 'Blue', 'Green'];
  const lines = [
    'handle,name,brand,status,categories,description,option1_name,option1_value,option2_name,option2_value,sku,price,compare_at_price,barcode,weight_grams,stock,low_stock_threshold',
  ];
  for (let p = 0; p < products; p += 1) {
    let first = true;
    for (const colour of colours) {
      for (const size of ['S', 'M']) {
        const product = first
          ? `Bench Tee ${p},Fjellrev,active,shirts,"A soft tee, number ${p}; ""washed"" cotton, made to last."`
          : ',,,,';
        first = false;
        lines.push(
          `bench-tee-${p},${product},Colour,${colour},Size,${size},BENCH-${p}-${colour}-${size}`
            .toUpperCase()
            .replace(/^BENCH-TEE-/, 'bench-tee-') + `,19.90,24.90,,180,${(p % 7) + 1},2`,
        );
      }
    }
  }
  return lines.join('\n') + '\n';
}

/** Runs `work` while sampling memory; its time and the peaks. */
async function measured<T>(work: () => Promise<T>) {
  let heap = process.memoryUsage().heapUsed;
  let rss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    heap = Math.max(heap, now.heapUsed);
    rss = Math.max(rss, now.rss);
  }, 20);
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const mib = (bytes: number) => Math.round(bytes / 1024 ** 2);
  return {
    result,
    seconds: Number(seconds.toFixed(1)),
    peakHeapMiB: mib(heap),
    peakRssMiB: mib(rss),
  };
}

const text = csvOf(productCount);
const load = () => Number(loadavg()[0]?.toFixed(1) ?? 0);
const loadBefore = load();
const preview = await measured(() => dryRun(models, 'products', text));
if (preview.result.errors.length > 0)
  throw new Error(JSON.stringify(preview.result.errors.slice(0, 3)));

const logger = pino({ level: 'silent' });
const created = await models.CsvImport.create({
  kind: 'products',
  fileName: 'bench.csv',
  partCount: 1,
  parts: [text],
  createdById: 'bench',
  createdByEmail: 'bench@example.com',
  status: 'applying',
  preview: preview.result,
  total: preview.result.products.create,
});
const apply = await measured(async () => {
  let chunks = 0;
  for (;;) {
    chunks += 1;
    const progress = await applyNextChunk(models, created._id.toString(), logger);
    if (progress.finished) return chunks;
  }
});
const again = await measured(() => dryRun(models, 'products', text));

process.stdout.write(
  `${JSON.stringify(
    {
      machine: describeMachine(),
      database: mongo.kind,
      loadAverage: [loadBefore, load()],
      rows: preview.result.rows,
      bytes: Buffer.byteLength(text),
      dryRun: {
        seconds: preview.seconds,
        peakHeapMiB: preview.peakHeapMiB,
        peakRssMiB: preview.peakRssMiB,
        products: preview.result.products,
      },
      apply: {
        seconds: apply.seconds,
        chunks: apply.result,
        peakHeapMiB: apply.peakHeapMiB,
        peakRssMiB: apply.peakRssMiB,
      },
      dryRunAfterApply: { seconds: again.seconds, products: again.result.products },
      productsInDatabase: await models.Product.countDocuments(),
    },
    null,
    2,
  )}\n`,
);
await closeDatabaseConnections();
await mongo.stop();
process.exit(0);

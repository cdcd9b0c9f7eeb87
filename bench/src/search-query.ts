/**
 * Search inside the search cell: a query with a typo and three facet filters over a generated
 * catalog (100,000 products by default), timed around the query function itself (no HTTP, no
 * database: the cell answers every query from memory). Also reports the index build time and the
 * memory the index holds, at 2,000 and at the benchmark size.
 *
 *   pnpm --filter @shop/bench search                      # 100,000 products, 2,000 queries
 *   BENCH_PRODUCTS=20000 BENCH_QUERIES=500 pnpm --filter @shop/bench search
 */
import { generateCatalog, type GeneratedCatalog } from '@shop/db/seed';
import { CatalogIndex } from '../../packages/api/src/cells/search/catalog-index';
import { CategoryTree } from '../../packages/api/src/cells/search/category-tree';
import { toCatalogProduct } from '../../packages/api/src/cells/product/views';
import { queryInput } from '../../packages/api/src/cells/search/inputs';
import { bucketKeyOf } from '../../packages/api/src/cells/search/price-buckets';
import { describeMachine } from './machine';

const print = (line: string) => process.stdout.write(`${line}\n`);

const productCount = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const queryCount = Number(process.env.BENCH_QUERIES ?? 2_000);
const warmupCount = 200;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (the package script does)');

function settledHeap(): { heap: number; rss: number } {
  gc!();
  gc!();
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed, rss: usage.rss };
}

const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;

function buildIndex(catalog: GeneratedCatalog): CatalogIndex {
  const tree = new CategoryTree(
    catalog.categories.map((category) => ({ ...category, version: 0 })),
  );
  const index = new CatalogIndex(tree);
  for (const product of catalog.products) {
    if (product.status !== 'active') continue;
    index.upsert(toCatalogProduct({ ...product, updatedAt: product.publishedAt ?? null }));
  }
  return index;
}

/** Index build time and the heap and RSS the index keeps once the source catalog is dropped. */
function measureBuild(count: number) {
  const before = settledHeap();
  let catalog: GeneratedCatalog | null = generateCatalog({ productCount: count });
  const startedAt = performance.now();
  const index = buildIndex(catalog);
  const buildMs = performance.now() - startedAt;
  const queries = catalog ? makeQueries(catalog, queryCount + warmupCount) : [];
  catalog = null;
  const after = settledHeap();
  return {
    index,
    queries,
    buildMs,
    heapDelta: after.heap - before.heap,
    rssDelta: after.rss - before.rss,
  };
}

/** A deterministic pseudo-random sequence, so every run asks the same queries. */
function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** "laptop" -> "lpatop": two neighbouring letters swapped, the commonest typing slip. */
function withTypo(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
}

/**
 * Each query takes a random product, misspells a word of its name (6+ letters) and filters on
 * that product's root category, brand and price bucket, so most queries find something.
 */
function makeQueries(catalog: GeneratedCatalog, count: number) {
  const random = sequence(42);
  const rootOf = new Map(
    catalog.categories.map((category) => [
      category.slug,
      category.ancestorSlugs[0] ?? category.slug,
    ]),
  );
  const active = catalog.products.filter((product) => product.status === 'active');
  const queries = [];
  while (queries.length < count) {
    const product = active[Math.floor(random() * active.length)]!;
    const words = product.name.split(/\s+/).filter((word) => /^[A-Za-z]{6,}$/.test(word));
    if (words.length === 0) continue;
    const word = words[Math.floor(random() * words.length)]!;
    queries.push(
      queryInput.parse({
        q: withTypo(word.toLowerCase(), random),
        filters: {
          category: rootOf.get(product.categorySlugs[0]!) ?? product.categorySlugs[0],
          brands: [product.brand],
          price: [bucketKeyOf(product.priceMinMinor)],
        },
      }),
    );
  }
  return queries;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Times each call, by the clock and by this process's CPU time (on a busy shared machine the
 * clock also counts time spent waiting for a core). The text-match cache is emptied first, so
 * every figure is uncached.
 */
function timeEach<T>(items: T[], run: (item: T) => unknown) {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const item of items) {
    large.index.forgetCachedMatches();
    const cpuBefore = process.cpuUsage();
    const startedAt = performance.now();
    run(item);
    wall.push(performance.now() - startedAt);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  const summary = (times: number[]) => {
    times.sort((a, b) => a - b);
    return `p50 ${fmt(percentile(times, 50))}, p95 ${fmt(percentile(times, 95))}, p99 ${fmt(percentile(times, 99))}`;
  };
  return `wall ${summary(wall)}; CPU ${summary(cpu)}`;
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

const small = measureBuild(2_000);
print(
  `2,000 products: index built in ${small.buildMs.toFixed(0)} ms, ` +
    `holds ${mib(small.heapDelta)} heap (${mib(small.rssDelta)} RSS)`,
);
small.index.search(queryInput.parse({ q: 'warm' })); // keeps `small` alive until here

const large = measureBuild(productCount);
print(
  `${productCount.toLocaleString('en')} products (${large.index.size.toLocaleString('en')} active): ` +
    `index built in ${(large.buildMs / 1000).toFixed(1)} s, ` +
    `holds ${mib(large.heapDelta)} heap (${mib(large.rssDelta)} RSS)`,
);

const { index, queries } = large;
let found = 0;
for (const query of queries.slice(0, warmupCount)) index.search(query);
const typo = timeEach(queries.slice(warmupCount), (query) => {
  if (index.search(query).totalCount > 0) found += 1;
});
print(`typo + category + brand + price, ${queryCount} queries (${found} found something):`);
print(`  ${typo}`);

const browse = timeEach(
  queries
    .slice(warmupCount, warmupCount + 500)
    .map((query) =>
      queryInput.parse({ filters: { category: query.filters?.category }, sort: 'price_asc' }),
    ),
  (query) => index.search(query),
);
print(`category page (empty query, facets, price ascending), 500 queries:`);
print(`  ${browse}`);

const prefixes = queries
  .slice(warmupCount, warmupCount + 500)
  .map((query) => (query.q ?? '').slice(0, 3));
const suggest = timeEach(prefixes, (prefix) => index.suggest(prefix));
print(`suggestions for a 3-letter prefix, 500 queries:`);
print(`  ${suggest}`);
print(`machine: ${describeMachine()}`);

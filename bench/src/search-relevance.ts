/**
 * Relevance of the search cell against MiniSearch and Orama on the same catalogue and queries:
 * the graded query set `bench/data/search-relevance-queries.json` (written by
 * search-relevance-queries.ts) over the generated catalogue at 20,000 and 100,000 products.
 * Per query class and engine: top-1 (the first result is a best product), top-10 (one is in the
 * first 10), MRR@10, nDCG@10 (gain 2^grade - 1, ideal from the catalogue's own grades) and the
 * zero-result rate; then each engine's query time and the heap its index holds.
 *
 *   pnpm --filter @shop/bench search-relevance                  # 20,000 and 100,000 products
 *   BENCH_SIZES=20000 pnpm --filter @shop/bench search-relevance
 *   BENCH_SIZES=100000 BENCH_ENGINES=ours pnpm --filter @shop/bench search-relevance
 */
import { readFileSync } from 'node:fs';
import { generateCatalog, type GeneratedProduct } from '@shop/db/seed';
import { toCatalogProduct, type CatalogProduct } from '../../packages/api/src/cells/product/views';
import { CategoryTree } from '../../packages/api/src/cells/search/category-tree';
import { describeMachine } from './machine';
import { miniSearchEngine, oramaEngine, ourEngine, type Engine } from './search-relevance-engines';
import {
  grade,
  judgedProduct,
  queryClasses,
  type JudgedProduct,
  type RelevanceQuery,
} from './search-relevance-judge';
import { querySetPath } from './search-relevance-queries';

const print = (line: string) => process.stdout.write(`${line}\n`);
const sizes = (process.env.BENCH_SIZES ?? '20000,100000').split(',').map(Number);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (the package script does)');

const queries = JSON.parse(readFileSync(querySetPath, 'utf8')) as RelevanceQuery[];

interface Scores {
  top1: number;
  top10: number;
  rr: number;
  ndcg: number;
  zero: number;
}

/** Per query: the best grade the catalogue offers and the ideal DCG@10. */
function idealsOf(judged: readonly JudgedProduct[]) {
  return queries.map((query) => {
    const counts = [0, 0, 0, 0];
    for (const product of judged) counts[grade(query.expect, product)]! += 1;
    const best = counts[3]! > 0 ? 3 : counts[2]! > 0 ? 2 : counts[1]! > 0 ? 1 : 0;
    const grades: number[] = [];
    for (let value = 3; value >= 1 && grades.length < 10; value -= 1) {
      for (let n = 0; n < counts[value]! && grades.length < 10; n += 1) grades.push(value);
    }
    return { best, idcg: dcg(grades) };
  });
}

function dcg(grades: readonly number[]): number {
  return grades.reduce((sum, value, rank) => sum + (2 ** value - 1) / Math.log2(rank + 2), 0);
}

async function measure(
  engine: Engine,
  judgedById: Map<string, JudgedProduct>,
  ideals: ReturnType<typeof idealsOf>,
) {
  const perQuery: Scores[] = [];
  const times: number[] = [];
  for (const [index, query] of queries.entries()) {
    const startedAt = performance.now();
    const ids = await engine.search(query.q);
    times.push(performance.now() - startedAt);
    const grades = ids.map((id) => {
      const product = judgedById.get(id);
      return product ? grade(query.expect, product) : 0;
    });
    const { best, idcg } = ideals[index]!;
    const firstBest = grades.findIndex((value) => value === best);
    if (process.env.BENCH_SHOW_MISSES === engine.name && grades[0] !== best) {
      print(
        `  miss (${engine.name}) ${query.class} "${query.q}": grades ${grades.join(',')}, best ${best}`,
      );
    }
    perQuery.push({
      top1: grades[0] === best ? 1 : 0,
      top10: firstBest >= 0 ? 1 : 0,
      rr: firstBest >= 0 ? 1 / (firstBest + 1) : 0,
      ndcg: idcg > 0 ? dcg(grades) / idcg : 0,
      zero: ids.length === 0 ? 1 : 0,
    });
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]!;
  return { perQuery, p50: at(0.5), p95: at(0.95) };
}

function heapUsed(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed;
}

const mean = (rows: Scores[], key: keyof Scores) =>
  rows.reduce((sum, row) => sum + row[key], 0) / Math.max(1, rows.length);

// BENCH_ENGINES=ours times the cell alone (the libraries take minutes to build at 100,000).
const engines = [ourEngine, miniSearchEngine, oramaEngine].filter(
  (_, index) =>
    !process.env.BENCH_ENGINES ||
    process.env.BENCH_ENGINES.split(',').includes(['ours', 'MiniSearch', 'Orama'][index]!),
);

const catalog = generateCatalog({ productCount: Math.max(...sizes) });
const tree = new CategoryTree(catalog.categories.map((category) => ({ ...category, version: 0 })));
print(`${queries.length} queries in ${queryClasses.length} classes; ${describeMachine()}`);

for (const size of sizes) {
  const active = catalog.products
    .slice(0, size)
    .filter((product: GeneratedProduct) => product.status === 'active');
  const listed: CatalogProduct[] = active.map((product) =>
    toCatalogProduct({ ...product, updatedAt: product.publishedAt ?? null }),
  );
  const judgedById = new Map(
    active.map((product) => [product._id.toString(), judgedProduct(product)]),
  );
  const ideals = idealsOf([...judgedById.values()]);

  const results: ({ name: string; buildSeconds: number; heap: number } & Awaited<
    ReturnType<typeof measure>
  >)[] = [];
  for (const build of engines) {
    const before = heapUsed();
    const startedAt = performance.now();
    let engine: Engine | null = await build(listed, tree);
    const buildSeconds = (performance.now() - startedAt) / 1000;
    const heap = heapUsed() - before;
    await measure(engine, judgedById, ideals); // warm-up pass: JIT, caches of the libraries
    const measured = await measure(engine, judgedById, ideals);
    results.push({ name: engine.name, buildSeconds, heap, ...measured });
    engine = null;
  }

  print('');
  print(
    `### ${size.toLocaleString('en')} products (${active.length.toLocaleString('en')} active); ` +
      `each cell: ${results.map((result) => result.name).join(' / ')}`,
  );
  print('');
  print('| class | top-1 | top-10 | MRR@10 | nDCG@10 | zero results |');
  print('| --- | --- | --- | --- | --- | --- |');
  const row = (label: string, pick: (rows: Scores[]) => Scores[]) => {
    const cell = (key: keyof Scores) =>
      results
        .map((result) => {
          const value = mean(pick(result.perQuery), key);
          return key === 'zero' ? `${(value * 100).toFixed(0)} %` : value.toFixed(2);
        })
        .join(' / ');
    print(
      `| ${label} | ${cell('top1')} | ${cell('top10')} | ${cell('rr')} | ${cell('ndcg')} | ${cell('zero')} |`,
    );
  };
  for (const queryClass of queryClasses) {
    row(queryClass, (rows) => rows.filter((_, index) => queries[index]!.class === queryClass));
  }
  row('**all**', (rows) => rows);
  print('');
  for (const result of results) {
    print(
      `- ${result.name}: query p50 ${result.p50.toFixed(2)} ms, p95 ${result.p95.toFixed(2)} ms; ` +
        `index built in ${result.buildSeconds.toFixed(1)} s, holds ${(result.heap / 1024 ** 2).toFixed(0)} MiB heap`,
    );
  }
}

/**
 * `pnpm bench:soak`: the shoppers' mix for 30 minutes (SOAK_MINUTES) at SOAK_RATE arrivals/s (set
 * it to half the rate `LOAD_SEARCH=1 pnpm bench:load` found), each cell in its own host. Every
 * minute it records each process's RSS and each Node host's (cells, executor) event-loop lag p99
 * and JS heap (to tell objects kept alive from an allocator that holds on to freed memory), one
 * JSON line per process and minute in /tmp/shop-load/soak/series.jsonl, with the RSS split by
 * mapping (glibc's malloc arenas apart from V8's pages and other anonymous memory: which part
 * grows tells objects kept alive from an allocator holding freed memory). At the end it fits a
 * line through each series' second half and calls it flat when that line, carried over the whole
 * run, rises less than 10 % of the series' mean (RSS) or 20 ms (lag). The first half is the
 * warm-up every process has (JIT, caches, connection pools, V8 growing its young generation to
 * the allocation rate): a leak keeps rising after it, a warm-up levels off. The table gives the
 * whole run's slope too. Exits 1 on any error or a rising series.
 *
 *   SOAK_RATE=10 pnpm bench:soak
 *   SOAK_MINUTES=3 SOAK_RATE=2 pnpm bench:soak      # a check that it works
 *   LOAD_HOST_NODE_ARGS=--max-semi-space-size=8 MALLOC_ARENA_MAX=2 SOAK_RATE=5 pnpm bench:soak
 */
import { z } from 'zod';
import { describeMachine } from '../machine';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { readHostMetrics, readLagMs } from './cell-metrics';
import { formatMeasurement } from './format-report';
import { pickLoadData } from './load-data';
import { loadOptions } from './load-options';
import { startLoadStack } from './load-stack';
import { measureLoad, stackProcesses, warmUp } from './measure-load';
import { processSample } from './process-sampler';
import { memoryMap } from '../process-memory-map';
import { slope } from './trend';

const soak = z
  .object({
    SOAK_RATE: z.coerce.number().positive().max(1_000).default(5),
    SOAK_MINUTES: z.coerce.number().int().min(1).max(240).default(30),
  })
  .parse(process.env);
const options = loadOptions({ LOAD_BASE_PORT: '5900', ...process.env, LOAD_MODE: 'each' });
const out = (text: string) => process.stdout.write(`${text}\n`);
out(`Machine: ${describeMachine()}; soak ${soak.SOAK_MINUTES} min at ${soak.SOAK_RATE} arrivals/s`);

const soakDir = '/tmp/shop-load/soak';
const seriesFile = `${soakDir}/series.jsonl`;
const stack = await startLoadStack('each', options.LOAD_BASE_PORT);
let rising = 0;
let errorCount = 0;
try {
  const data = await pickLoadData(stack.databaseUri, stack.demoAccounts);
  await warmUp(stack, data, `${soakDir}/warm-up`);
  type Series = Map<string, { x: number; y: number }[]>;
  const rss: Series = new Map();
  const lag: Series = new Map();
  const heap: Series = new Map();
  const heapTotal: Series = new Map();
  const arenas: Series = new Map();
  const otherAnonymous: Series = new Map();
  const record = (series: Series, name: string, x: number, y: number | undefined) => {
    if (y !== undefined) series.set(name, [...(series.get(name) ?? []), { x, y }]);
  };
  // Every minute's readings, one JSON line each, to plot a curve the table's ends cannot show.
  await mkdir(soakDir, { recursive: true });
  await writeFile(seriesFile, '');
  const startedAt = performance.now();
  const minute = async () => {
    const x = (performance.now() - startedAt) / 60_000;
    for (const { name, pid } of stackProcesses(stack)()) {
      const sample = pid ? await processSample(pid) : undefined;
      record(rss, name, x, sample?.rssMiB);
      const map = pid && sample ? memoryMap(pid) : undefined;
      record(arenas, name, x, map && map.mainArenaMiB + map.threadArenasMiB);
      record(otherAnonymous, name, x, map?.otherAnonymousMiB);
      // The executor serves the same default Node metrics as the cell hosts.
      const host = [...stack.cellHosts, stack.executor].find((each) => each.name === name);
      const metrics = host ? await readHostMetrics(host.url, stack.cellHeaders) : {};
      record(lag, name, x, metrics.lagMs);
      record(heap, name, x, metrics.heapUsedMiB);
      record(heapTotal, name, x, metrics.heapTotalMiB);
      await appendFile(
        seriesFile,
        `${JSON.stringify({ minute: Number(x.toFixed(2)), name, rssMiB: sample?.rssMiB, ...metrics, map })}\n`,
      );
    }
  };
  await readLagMsForAll();
  const timer = setInterval(() => void minute(), 60_000);
  const measured = await measureLoad(stack, data, {
    rate: soak.SOAK_RATE,
    seconds: soak.SOAK_MINUTES * 60,
    runDir: `${soakDir}/load`,
  });
  clearInterval(timer);
  await minute();
  out(formatMeasurement('soak', measured));
  errorCount = Object.values(measured.result.errors).reduce((sum, n) => sum + n, 0);

  out(
    '| process | RSS MiB first → last | slope MiB/min (whole run / second half) | JS heap in use MiB first → last | slope MiB/min | JS heap reserved MiB first → last | malloc arenas MiB first → last | other anonymous MiB first → last | lag p99 ms first → last | slope ms/min (second half) | flat |',
  );
  out('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  const secondHalf = (list: { x: number; y: number }[]) => list.slice(Math.floor(list.length / 2));
  for (const [name, series] of rss) {
    const rssSlope = slope(secondHalf(series));
    const meanRss = series.reduce((sum, p) => sum + p.y, 0) / series.length;
    const lagSeries = lag.get(name) ?? [];
    const lagSlope = slope(secondHalf(lagSeries));
    const heapSeries = heap.get(name) ?? [];
    const flat = rssSlope * soak.SOAK_MINUTES < 0.1 * meanRss && lagSlope * soak.SOAK_MINUTES < 20;
    if (!flat) rising += 1;
    const ends = (list: { y: number }[]) =>
      list.length ? `${list[0]!.y.toFixed(0)} → ${list.at(-1)!.y.toFixed(0)}` : '-';
    out(
      `| ${name} | ${ends(series)} | ${slope(series).toFixed(2)} / ${rssSlope.toFixed(2)} | ${ends(heapSeries)} | ${heapSeries.length ? slope(heapSeries).toFixed(2) : '-'} | ${ends(heapTotal.get(name) ?? [])} | ${ends(arenas.get(name) ?? [])} | ${ends(otherAnonymous.get(name) ?? [])} | ${ends(lagSeries)} | ${lagSeries.length ? lagSlope.toFixed(2) : '-'} | ${flat ? 'yes' : 'NO'} |`,
    );
  }
  out(`\nErrors: ${errorCount}; rising series: ${rising}.`);

  // The first /metrics scrape resets prom-client's lag histogram (it covers the start-up).
  async function readLagMsForAll() {
    await Promise.all(
      [...stack.cellHosts, stack.executor].map((host) => readLagMs(host.url, stack.cellHeaders)),
    );
  }
} finally {
  await stack.stop();
}
process.exit(errorCount === 0 && rising === 0 ? 0 : 1);

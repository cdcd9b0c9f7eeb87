import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { CatalogProduct, CatalogReader } from '../product/public';
import { CatalogIndex } from './catalog-index';
import { CategoryTree } from './category-tree';

export interface IndexSyncOptions {
  /** How often each replica asks the catalogue what changed (freshness within 5 s needs <= ~2 s). */
  pollIntervalMs: number;
  /** How often the whole index is compared with the database and repaired. */
  reconcileIntervalMs: number;
  /**
   * How far before the newest change seen each poll looks again: writers' clocks differ and a
   * write can become visible after a later one, so the window overlaps. Already indexed versions
   * are skipped.
   */
  overlapMs: number;
  /** Products indexed between two turns of the event loop during a build. */
  batchSize: number;
  logger: Logger;
}

export const defaultSyncOptions: Omit<IndexSyncOptions, 'logger'> = {
  pollIntervalMs: 1_000,
  reconcileIntervalMs: 5 * 60_000,
  overlapMs: 5_000,
  batchSize: 500,
};

const retryAfterFailureMs = 5_000;
/** Share of dead slots (removed or replaced products) at which the index is rebuilt. */
const maxDeadRatio = 0.25;

export class IndexNotReadyError extends Error {}

/**
 * Keeps one replica's index equal to the active catalog. An event reaches one replica only, so
 * every replica polls `updatedAt` itself (about every second) and applies what changed: active
 * products are upserted, others removed. A periodic reconciliation compares every id and version
 * and repairs the rest (hard deletions, anything missed). The whole index is built on start, and
 * again when the category tree changes (names and ancestors are baked into entries).
 */
export class IndexSync {
  private current: CatalogIndex | null = null;
  private source: CatalogReader | null = null;
  private generation = 0;
  /** Newest `updatedAt` applied; the next poll reads from `watermark - overlapMs`. */
  private watermark = 0;
  private lastReconcile = 0;
  private categorySignature = '';
  /** Serialises build, poll and reconcile: they all write the index. */
  private work: Promise<unknown> = Promise.resolve();
  private readyWaiters: (() => void)[] = [];

  constructor(
    private readonly openSource: () => Promise<CatalogReader>,
    private readonly options: IndexSyncOptions,
  ) {}

  get isReady(): boolean {
    return this.current !== null;
  }

  get databaseName(): string | undefined {
    return this.source?.name;
  }

  /**
   * Opens the source and builds in the background; returns at once so the host can listen while
   * the index fills. Calling it again while running on an open connection does nothing.
   */
  async start(): Promise<void> {
    if (this.source?.isOpen()) return;
    const generation = ++this.generation;
    this.current = null;
    this.source = await this.openSource();
    void this.run(generation);
  }

  /** Stops polling; the index stays answerable until the next start. */
  stop(): void {
    this.generation += 1;
  }

  /** The index once built; waits up to `timeoutMs` for the first build. */
  async ready(timeoutMs: number): Promise<CatalogIndex> {
    if (this.current) return this.current;
    let wake = () => undefined as void;
    const built = new Promise<void>((resolve) => (wake = resolve));
    this.readyWaiters.push(wake);
    const timer = setTimeout(wake, timeoutMs);
    await built;
    clearTimeout(timer);
    // A waiter that timed out leaves the list, so callers during a long build do not pile up.
    this.readyWaiters = this.readyWaiters.filter((waiter) => waiter !== wake);
    if (!this.current) throw new IndexNotReadyError('the search index is still being built');
    return this.current;
  }

  /** Polls now (the product.updated event uses this to skip the wait on one replica). */
  syncNow(): Promise<void> {
    const generation = this.generation;
    return this.exclusive(() => this.poll(generation));
  }

  /** Compares the whole index with the database now and repairs the differences. */
  reconcileNow(): Promise<number> {
    const generation = this.generation;
    return this.exclusive(() => this.reconcile(generation));
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const next = this.work.then(task, task);
    this.work = next.catch(() => undefined);
    return next;
  }

  private live(generation: number): boolean {
    return generation === this.generation && (this.source?.isOpen() ?? false);
  }

  private async run(generation: number): Promise<void> {
    const { logger } = this.options;
    while (this.live(generation) && !this.current) {
      try {
        await this.exclusive(() => this.build(generation));
      } catch (error) {
        logger.error({ err: error }, 'search index build failed; retrying');
        await sleep(retryAfterFailureMs, undefined, { ref: false });
      }
    }
    while (this.live(generation)) {
      await sleep(this.options.pollIntervalMs, undefined, { ref: false });
      if (!this.live(generation)) break;
      try {
        await this.exclusive(() => this.poll(generation));
        if (Date.now() - this.lastReconcile >= this.options.reconcileIntervalMs) {
          await this.exclusive(() => this.reconcile(generation));
        }
      } catch (error) {
        // The database may be briefly away; the next poll starts from the same watermark.
        if (this.live(generation)) logger.warn({ err: error }, 'search index poll failed');
      }
    }
  }

  private async build(generation: number): Promise<void> {
    const source = this.source;
    if (!source || !this.live(generation)) return;
    const startedAt = Date.now();
    const tree = new CategoryTree(await source.categories());
    const index = new CatalogIndex(tree);
    let sinceYield = 0;
    for await (const product of source.listedProducts()) {
      index.upsert(product);
      // Queries and probes keep being answered while a large catalog is indexed.
      if (++sinceYield >= this.options.batchSize) {
        sinceYield = 0;
        await new Promise((resolve) => setImmediate(resolve));
        if (!this.live(generation)) return;
      }
    }
    // Swapped in whole: queries answer from the previous index until this one is complete.
    this.current = index;
    this.categorySignature = tree.signature();
    // Writes made while the build streamed are read again by the next poll.
    this.watermark = startedAt;
    this.lastReconcile = Date.now();
    this.options.logger.info(
      { products: index.size, ms: Date.now() - startedAt },
      'search index built',
    );
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  private apply(index: CatalogIndex, product: CatalogProduct): boolean {
    if (!product.listed) return index.remove(product.id);
    if (index.versionOf(product.id) === product.version) return false;
    index.upsert(product);
    return true;
  }

  private async poll(generation: number): Promise<void> {
    const source = this.source;
    const index = this.current;
    if (!source || !index || !this.live(generation)) return;
    const tree = new CategoryTree(await source.categories());
    if (tree.signature() !== this.categorySignature) {
      this.options.logger.info('category tree changed: rebuilding the search index');
      await this.build(generation);
      return;
    }
    if (index.deadRatio > maxDeadRatio) {
      // Updates leave tombstones in the postings; a fresh build drops them.
      this.options.logger.info({ deadRatio: index.deadRatio }, 'compacting the search index');
      await this.build(generation);
      return;
    }
    let newest = this.watermark;
    let applied = 0;
    for await (const product of source.changedSince(
      new Date(this.watermark - this.options.overlapMs),
    )) {
      newest = Math.max(newest, product.version);
      if (this.apply(index, product)) applied += 1;
    }
    this.watermark = newest;
    if (applied > 0) this.options.logger.debug({ applied }, 'search index updated');
  }

  private async reconcile(generation: number): Promise<number> {
    const source = this.source;
    const index = this.current;
    if (!source || !index || !this.live(generation)) return 0;
    const stored = new Map<string, number>();
    for await (const { id, version } of source.listedVersions()) stored.set(id, version);
    const gone = [...index.ids()].filter((id) => !stored.has(id));
    for (const id of gone) index.remove(id);
    const stale = [...stored].filter(([id, version]) => index.versionOf(id) !== version);
    let repaired = gone.length;
    for (let start = 0; start < stale.length; start += this.options.batchSize) {
      const ids = stale.slice(start, start + this.options.batchSize).map(([id]) => id);
      for (const product of await source.byIds(ids)) {
        if (this.apply(index, product)) repaired += 1;
      }
    }
    this.lastReconcile = Date.now();
    if (repaired > 0) {
      this.options.logger.info({ repaired }, 'search index reconciliation repaired entries');
    }
    return repaired;
  }
}

import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { MerchandisingRules } from './merchandising-rules';
import type { RulesSource } from './rule-store';

export interface RulesSyncOptions {
  /** How often each replica reads the rules' version counter (one tiny read). */
  pollIntervalMs: number;
  logger: Logger;
}

/**
 * Keeps one replica's merchandising rules equal to search_db. Every write increments a version
 * counter; each replica reads the counter about every second and reloads the (small) rule set
 * when it moved. A poll, not an event: an Inngest event reaches ONE replica of the cell, so the
 * others would still need a poll, and a counter read costs one indexed lookup per second. The
 * replica that took the write reloads at once (`reloadNow`).
 */
export class RulesSync {
  private current: MerchandisingRules = MerchandisingRules.none;
  private version = -1;
  private source: RulesSource | null = null;
  private generation = 0;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly openSource: () => Promise<RulesSource>,
    private readonly options: RulesSyncOptions,
  ) {}

  /** The rules queries use now (none until the first load). */
  get rules(): MerchandisingRules {
    return this.current;
  }

  get loadedVersion(): number {
    return this.version;
  }

  /** Loads the rules, then polls in the background; a failed first load is retried by the poll. */
  async start(): Promise<void> {
    if (this.source?.isOpen()) return;
    const generation = ++this.generation;
    this.version = -1;
    this.source = await this.openSource();
    try {
      await this.reloadNow();
    } catch (error) {
      this.options.logger.warn({ err: error }, 'search rules could not be loaded; retrying');
    }
    void this.run(generation);
  }

  stop(): void {
    this.generation += 1;
  }

  /** Reads the version and, when it moved, the rules. Concurrent callers share one read. */
  reloadNow(): Promise<void> {
    this.loading ??= this.load().finally(() => (this.loading = null));
    return this.loading;
  }

  private async load(): Promise<void> {
    const source = this.source;
    if (!source) return;
    // The version first: a write after it is seen by the next poll.
    const version = await source.version();
    if (version === this.version) return;
    const set = await source.load();
    this.current = new MerchandisingRules(set);
    this.version = version;
    this.options.logger.info({ version }, 'search rules loaded');
  }

  private live(generation: number): boolean {
    return generation === this.generation && (this.source?.isOpen() ?? false);
  }

  private async run(generation: number): Promise<void> {
    while (this.live(generation)) {
      await sleep(this.options.pollIntervalMs, undefined, { ref: false });
      if (!this.live(generation)) break;
      try {
        await this.reloadNow();
      } catch (error) {
        if (this.live(generation))
          this.options.logger.warn({ err: error }, 'search rules poll failed');
      }
    }
  }
}

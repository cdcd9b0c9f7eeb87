import type { Logger } from 'pino';
import { signRequestBody } from '../protocol/signing';
import { describeFetchError } from './app-caller';

export interface AppSyncerOptions {
  urls: string[];
  resyncIntervalMs: number;
  signingKey?: string;
  logger: Logger;
}

const firstRetryMs = 250;
const maxRetryMs = 5_000;

/**
 * Asks apps to sync by sending their serve endpoint a `PUT` (the SDK then POSTs its functions to
 * `/fn/register`), as the dev server does with `-u <url>`. Apps usually start after the executor,
 * so a URL is retried with a growing delay until it answers, then re-synced periodically so a
 * restarted or changed app is picked up.
 */
export class AppSyncer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly aborter = new AbortController();
  private stopped = false;

  constructor(private readonly options: AppSyncerOptions) {}

  start(): void {
    for (const url of this.options.urls) this.schedule(url, 0, { failures: 0, synced: false });
  }

  stop(): void {
    this.stopped = true;
    this.aborter.abort();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** Syncs one URL now; resolves with whether the app accepted. */
  async syncOnce(url: string): Promise<{ ok: boolean; detail: string }> {
    const headers: Record<string, string> = {
      'x-inngest-server-kind': this.options.signingKey ? 'cloud' : 'dev',
      'user-agent': 'inngest-local',
    };
    if (this.options.signingKey)
      headers['x-inngest-signature'] = signRequestBody('', this.options.signingKey);
    try {
      const response = await fetch(url, {
        method: 'PUT',
        headers,
        signal: AbortSignal.any([this.aborter.signal, AbortSignal.timeout(30_000)]),
      });
      const text = await response.text();
      return {
        ok: response.ok,
        detail: response.ok ? text : `HTTP ${response.status}: ${text.slice(0, 300)}`,
      };
    } catch (error) {
      return { ok: false, detail: describeFetchError(error) };
    }
  }

  private schedule(url: string, delayMs: number, state: { failures: number; synced: boolean }) {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      void this.syncOnce(url).then(({ ok, detail }) => {
        if (this.stopped) return;
        const { logger } = this.options;
        if (ok) {
          if (!state.synced || state.failures > 0)
            logger.info({ url }, 'app answered sync request');
          this.schedule(url, this.options.resyncIntervalMs, { failures: 0, synced: true });
          return;
        }
        const failures = state.failures + 1;
        const log = failures === 1 || failures % 20 === 0 ? logger.warn : logger.debug;
        log.call(logger, { url, failures, detail }, 'app did not sync yet; will retry');
        this.schedule(url, Math.min(firstRetryMs * 2 ** (failures - 1), maxRetryMs), {
          failures,
          synced: state.synced,
        });
      });
    }, delayMs);
    timer.unref();
    this.timers.set(url, timer);
  }
}

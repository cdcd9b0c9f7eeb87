import type { HostConfig } from '../../config/host';
import { defaultSyncOptions, type IndexSyncOptions } from './index-sync';

/**
 * Index freshness settings: `SEARCH_POLL_INTERVAL_MS` and `SEARCH_RECONCILE_INTERVAL_MS`, checked
 * when the host starts (config/host.ts: a value that is not a positive whole number stops it),
 * else the index's own defaults.
 */
export function syncSettingsFrom(
  config: Pick<HostConfig, 'SEARCH_POLL_INTERVAL_MS' | 'SEARCH_RECONCILE_INTERVAL_MS'>,
): Omit<IndexSyncOptions, 'logger'> {
  return {
    ...defaultSyncOptions,
    ...(config.SEARCH_POLL_INTERVAL_MS !== undefined && {
      pollIntervalMs: config.SEARCH_POLL_INTERVAL_MS,
    }),
    ...(config.SEARCH_RECONCILE_INTERVAL_MS !== undefined && {
      reconcileIntervalMs: config.SEARCH_RECONCILE_INTERVAL_MS,
    }),
  };
}

import type { Logger } from 'pino';
import { defaultSyncOptions, type IndexSyncOptions } from './index-sync';

const variables = {
  pollIntervalMs: 'SEARCH_POLL_INTERVAL_MS',
  reconcileIntervalMs: 'SEARCH_RECONCILE_INTERVAL_MS',
} as const;

/**
 * Index freshness settings from the environment. A value that is not a positive whole number
 * keeps the default, with a warning, instead of stopping the cell.
 */
export function syncSettingsFromEnv(
  env: NodeJS.ProcessEnv,
  logger: Logger,
): Omit<IndexSyncOptions, 'logger'> {
  const settings = { ...defaultSyncOptions };
  for (const [setting, variable] of Object.entries(variables) as [
    keyof typeof variables,
    string,
  ][]) {
    const raw = env[variable];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (Number.isInteger(value) && value > 0) settings[setting] = value;
    else logger.warn({ variable, value: raw }, 'not a positive whole number of ms; using default');
  }
  return settings;
}

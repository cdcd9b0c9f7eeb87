import { hostConfig } from '../../config/host';
import { rootLogger } from '../../observability/logger';
import { openRulesSource } from './rule-store';
import { RulesSync } from './rules-sync';
import { syncSettingsFrom } from './sync-settings';

/**
 * This process's copy of the merchandising rules, polled on the index's interval
 * (`SEARCH_POLL_INTERVAL_MS`, 1 s by default).
 */
export const searchRules = new RulesSync(openRulesSource, {
  pollIntervalMs: syncSettingsFrom(hostConfig()).pollIntervalMs,
  logger: rootLogger.child({ cell: 'search', component: 'search-rules' }),
});

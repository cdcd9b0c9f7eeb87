import { inngestFor } from '../../../events/inngest-client';
import { runRollups } from '../rollup-schedule';

export const rebuildRollupsStepId = 'rebuild-rollups';

/**
 * Every 10 minutes: hourly and daily rollups of the days that changed, then raw events past the
 * store's retention deleted. Idempotent: a repeated or overlapping run writes the same buckets.
 */
export const rebuildRollups = inngestFor('analytics').createFunction(
  { id: 'rebuild-rollups', triggers: [{ cron: '*/10 * * * *' }], concurrency: { limit: 1 } },
  async ({ step }) => step.run(rebuildRollupsStepId, () => runRollups()),
);

import { searchPerformed } from '../../../events/schemas';
import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
import { analyticsDatabase } from '../database';
import { toAnalyticsSummary, type AnalyticsSummary, type SearchCountRow } from '../views';

const dayMs = 24 * 60 * 60 * 1000;
const topSearchCount = 10;

/** Events recorded in the last 24 h and the most frequent searches among them. */
export async function summary(
  _args: HandlerArgs<undefined, SignedInContext>,
): Promise<AnalyticsSummary> {
  const { AnalyticsEvent } = await analyticsDatabase.models();
  const since = new Date(Date.now() - dayMs);
  const [eventsLast24h, topSearches] = await Promise.all([
    AnalyticsEvent.countDocuments({ occurredAt: { $gte: since } }),
    AnalyticsEvent.aggregate<SearchCountRow>([
      { $match: { name: searchPerformed.name, occurredAt: { $gte: since } } },
      { $group: { _id: '$properties.normalizedQuery', count: { $sum: 1 } } },
      { $sort: { count: -1, _id: 1 } },
      { $limit: topSearchCount },
    ]),
  ]);
  return toAnalyticsSummary(eventsLast24h, topSearches);
}

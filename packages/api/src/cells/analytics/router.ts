import { router } from '../../trpc/init';
import { permissionProcedure } from '../../trpc/procedures';
import { statusProcedure } from '../status';
import { analyticsDatabase } from './database';
import { searchPerformed } from '../../events/schemas';

export interface AnalyticsSummary {
  eventsLast24h: number;
  topSearches: { query: string; count: number }[];
}

const dayMs = 24 * 60 * 60 * 1000;
const topSearchCount = 10;

export const analyticsRouter = router({
  status: statusProcedure('analytics'),

  /** Staff dashboard numbers: events recorded in the last 24 h and the most frequent searches. */
  summary: permissionProcedure('analytics:read').query(async (): Promise<AnalyticsSummary> => {
    const { AnalyticsEvent } = await analyticsDatabase.models();
    const since = new Date(Date.now() - dayMs);
    const [eventsLast24h, topSearches] = await Promise.all([
      AnalyticsEvent.countDocuments({ occurredAt: { $gte: since } }),
      AnalyticsEvent.aggregate<{ _id: string; count: number }>([
        { $match: { name: searchPerformed.name, occurredAt: { $gte: since } } },
        { $group: { _id: '$properties.normalizedQuery', count: { $sum: 1 } } },
        { $sort: { count: -1, _id: 1 } },
        { $limit: topSearchCount },
      ]),
    ]);
    return {
      eventsLast24h,
      topSearches: topSearches.map((row) => ({ query: row._id, count: row.count })),
    };
  }),
});

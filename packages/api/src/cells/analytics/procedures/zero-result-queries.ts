import { searchPerformed } from '../../../events/schemas';
import type { HandlerArgs, SignedInContext } from '../../../trpc/context';
import { analyticsDatabase } from '../database';
import type { ZeroResultQueriesInput } from '../inputs';

const dayMs = 24 * 60 * 60 * 1000;

/** One search that found nothing, grouped by its normalised words. */
export interface ZeroResultQuery {
  query: string;
  count: number;
  lastSearchedAt: string;
}

interface ZeroResultRow {
  _id: string;
  count: number;
  last: Date;
}

/**
 * The searches that found nothing in the last `days`, most frequent first: what merchandisers
 * fix with a synonym or a redirect. Aggregate counts only, no shopper is named.
 */
export async function zeroResultQueries({
  input,
}: HandlerArgs<ZeroResultQueriesInput, SignedInContext>): Promise<{ items: ZeroResultQuery[] }> {
  const { AnalyticsEvent } = await analyticsDatabase.models();
  const rows = await AnalyticsEvent.aggregate<ZeroResultRow>([
    {
      $match: {
        name: searchPerformed.name,
        occurredAt: { $gte: new Date(Date.now() - input.days * dayMs) },
        'properties.zeroResults': true,
      },
    },
    {
      $group: {
        _id: '$properties.normalizedQuery',
        count: { $sum: 1 },
        last: { $max: '$occurredAt' },
      },
    },
    { $sort: { count: -1, _id: 1 } },
    { $limit: input.limit },
  ]);
  return {
    items: rows
      .filter((row) => typeof row._id === 'string' && row._id !== '')
      .map((row) => ({
        query: row._id,
        count: row.count,
        lastSearchedAt: new Date(row.last).toISOString(),
      })),
  };
}

/** What `analytics.summary` returns: the staff dashboard's numbers. */
export interface AnalyticsSummary {
  eventsLast24h: number;
  topSearches: { query: string; count: number }[];
}

/** One row of the top-searches aggregation: a normalised query and how often it was searched. */
export interface SearchCountRow {
  _id: string;
  count: number;
}

export function toAnalyticsSummary(
  eventsLast24h: number,
  topSearches: SearchCountRow[],
): AnalyticsSummary {
  return {
    eventsLast24h,
    topSearches: topSearches.map((row) => ({ query: row._id, count: row.count })),
  };
}

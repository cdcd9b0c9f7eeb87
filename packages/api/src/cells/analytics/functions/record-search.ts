import { inngestFor } from '../../../events/inngest-client';
import { searchPerformed } from '../../../events/schemas';
import { recordEventStep } from '../record-event';

/** Every search, for "top searches", zero-result and filter-usage reports. */
export const recordSearch = inngestFor('analytics').createFunction(
  { id: 'record-search', triggers: [searchPerformed] },
  async ({ event, step }) => {
    await step.run(recordEventStep.id, () =>
      recordEventStep.run({
        event,
        properties: {
          query: event.data.query,
          // Grouping key: "Lamp" and "lamp " are one search.
          normalizedQuery: event.data.query.trim().toLocaleLowerCase('en'),
          // As the search cell accepted them; {} for a plain search (older events carry none).
          filters: event.data.filters ?? {},
          sort: event.data.sort ?? 'relevance',
          page: event.data.page ?? 1,
          resultCount: event.data.resultCount,
          zeroResults: event.data.zeroResults,
        },
      }),
    );
  },
);

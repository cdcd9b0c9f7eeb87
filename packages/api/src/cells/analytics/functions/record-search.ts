import { inngestFor } from '../../../events/inngest-client';
import { searchPerformed } from '../../../events/schemas';
import { recordEventsStep, type EventRecord } from '../record-event';

/**
 * Every search, for "top searches", zero-result and filter-usage reports. Searches come at
 * shoppers' pace, so they are taken in batches (up to 100, or what arrived within 5 s): one
 * workflow run and one bulk write per batch instead of one run per search.
 */
export const recordSearch = inngestFor('analytics').createFunction(
  {
    id: 'record-search',
    triggers: [searchPerformed],
    batchEvents: { maxSize: 100, timeout: '5s' },
  },
  async ({ events, step }) => {
    const records: EventRecord[] = events.map((event) => ({
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
    }));
    return step.run(recordEventsStep.id, () => recordEventsStep.run(records));
  },
);

import { inngestFor } from '../../events/inngest-client';
import { searchPerformed, userRegistered } from '../../events/schemas';
import { recordCancellation, recordConversion } from './order-conversions';
import { recordEvent } from './record-event';

const inngest = inngestFor('analytics');

/** Every search, for "top searches", zero-result and filter-usage reports. */
export const recordSearch = inngest.createFunction(
  { id: 'record-search', triggers: [searchPerformed] },
  async ({ event, step }) => {
    await step.run('record', () =>
      recordEvent(event, {
        query: event.data.query,
        // Grouping key: "Lamp" and "lamp " are one search.
        normalizedQuery: event.data.query.trim().toLocaleLowerCase('en'),
        // As the search cell accepted them; {} for a plain search (older events carry none).
        filters: event.data.filters ?? {},
        sort: event.data.sort ?? 'relevance',
        page: event.data.page ?? 1,
        resultCount: event.data.resultCount,
        zeroResults: event.data.zeroResults,
      }),
    );
  },
);

/** Every sign-up, for the registrations report. */
export const recordRegistration = inngest.createFunction(
  { id: 'record-registration', triggers: [userRegistered] },
  async ({ event, step }) => {
    await step.run('record', () => recordEvent(event, { accountId: event.data.accountId }));
  },
);

export const analyticsFunctions = [
  recordSearch,
  recordRegistration,
  recordConversion,
  recordCancellation,
];

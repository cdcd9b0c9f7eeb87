import { inngestFor } from '../../../events/inngest-client';
import { csvImportFinished } from '../../../events/schemas';
import { raiseAndNotify } from '../staff-alert-steps';

/** A background CSV import ended (`product/csv-import.finished`): one alert per import. */
export const alertCsvImportFinished = inngestFor('notification').createFunction(
  { id: 'alert-csv-import-finished', retries: 5, triggers: [csvImportFinished] },
  async ({ event, step }) =>
    raiseAndNotify(
      step,
      event.data.outcome === 'completed'
        ? {
            kind: 'csv-import-finished',
            cause: event.data.importId,
            title: 'CSV import finished',
            detail: `${event.data.done} of ${event.data.total} rows applied.`,
            href: '/catalog/import',
          }
        : {
            kind: 'csv-import-failed',
            cause: event.data.importId,
            title: 'CSV import failed',
            detail: event.data.message ?? 'The import stopped.',
            href: '/catalog/import',
          },
    ),
);

import { inngestFor, sendEvent } from '../../../events/inngest-client';
import { csvImportFinished, csvImportRequested } from '../../../events/schemas';
import { rootLogger } from '../../../observability/logger';
import { applyNextChunk, markFailed } from '../csv-import-run';
import { productDatabase } from '../database';

const inngest = inngestFor('product');
const logger = rootLogger.child({ cell: 'product', component: 'csv-import' });

/** One step per chunk of 100 products; the step id repeats and the SDK numbers each run of it. */
export const applyChunkStepId = 'apply-chunk';
/** Tells staff (through the notification cell) that the import ended. */
export const announceFinishedStepId = 'announce-finished';

/**
 * Applies a large previewed CSV import chunk by chunk. Each finished step is memoised by the
 * engine, so a crash resumes at the chunk it was in; that chunk's rows find their changes already
 * made (see csv-import-run.ts), so nothing is doubled. One import at a time per file.
 */
export const applyCsvImport = inngest.createFunction(
  {
    id: 'apply-csv-import',
    triggers: [csvImportRequested],
    concurrency: { key: 'event.data.importId', limit: 1 },
    retries: 5,
    onFailure: async ({ event, error }) => {
      const message = `The import stopped: ${error.message}. Rows written so far stay; upload the file again to finish.`;
      await markFailed(await productDatabase.models(), event.data.event.data.importId, message);
      await sendEvent('product', csvImportFinished, {
        importId: event.data.event.data.importId,
        outcome: 'failed',
        done: 0,
        total: 0,
        message: message.slice(0, 500),
      }).catch((sendError: unknown) =>
        logger.warn({ err: sendError }, 'product/csv-import.finished not sent'),
      );
    },
  },
  async ({ event, step }) => {
    let progress = { finished: false, done: 0, total: 0 };
    while (!progress.finished) {
      progress = await step.run(applyChunkStepId, async () =>
        applyNextChunk(await productDatabase.models(), event.data.importId, logger),
      );
    }
    await step.run(announceFinishedStepId, () =>
      sendEvent('product', csvImportFinished, {
        importId: event.data.importId,
        outcome: 'completed',
        done: progress.done,
        total: progress.total,
      }),
    );
    return progress;
  },
);

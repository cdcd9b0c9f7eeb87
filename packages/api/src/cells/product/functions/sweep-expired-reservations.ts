import { inngestFor } from '../../../events/inngest-client';
import { rootLogger } from '../../../observability/logger';
import { productDatabase } from '../database';
import { sweepReservations } from '../reservations';

const inngest = inngestFor('product');
const logger = rootLogger.child({ cell: 'product', component: 'reservations' });

export const sweepStepId = 'sweep';

/**
 * Every minute: holds past their time are expired and their units given back (`sweepReservations`
 * says why this, not a timer per reservation).
 */
export const sweepExpiredReservations = inngest.createFunction(
  { id: 'sweep-expired-reservations', triggers: [{ cron: '* * * * *' }] },
  async ({ step }) => {
    const ended = await step.run(sweepStepId, async () =>
      sweepReservations(await productDatabase.models(), logger),
    );
    return { ended };
  },
);

import { inngestFor } from '../../../events/inngest-client';
import { rootLogger } from '../../../observability/logger';
import { productDatabase } from '../database';
import { sweepReservations } from '../reservations';

const inngest = inngestFor('product');
const logger = rootLogger.child({ cell: 'product', component: 'reservations' });

export const sweepStepId = 'sweep';

/** Every minute: anything a timer missed (events not sent, executor down) is expired anyway. */
export const sweepExpiredReservations = inngest.createFunction(
  { id: 'sweep-expired-reservations', triggers: [{ cron: '* * * * *' }] },
  async ({ step }) => {
    const ended = await step.run(sweepStepId, async () =>
      sweepReservations(await productDatabase.models(), logger),
    );
    return { ended };
  },
);

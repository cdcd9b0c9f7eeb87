import { inngestFor } from '../../events/inngest-client';
import { reservationCreated } from '../../events/schemas';
import { rootLogger } from '../../observability/logger';
import { productDatabase } from './database';
import { expireReservation, sweepReservations } from './reservations';

const inngest = inngestFor('product');
const logger = rootLogger.child({ cell: 'product', component: 'reservations' });

/** Sleeps until the reservation's time is up, then gives its units back if still held. */
export const expireReservationOnTime = inngest.createFunction(
  { id: 'expire-reservation', triggers: [reservationCreated] },
  async ({ event, step }) => {
    await step.sleepUntil('until-expiry', new Date(event.data.expiresAt));
    const expired = await step.run('expire', async () =>
      expireReservation(await productDatabase.models(), event.data.reservationId, logger),
    );
    return { expired };
  },
);

/** Every minute: anything a timer missed (events not sent, executor down) is expired anyway. */
export const sweepExpiredReservations = inngest.createFunction(
  { id: 'sweep-expired-reservations', triggers: [{ cron: '* * * * *' }] },
  async ({ step }) => {
    const ended = await step.run('sweep', async () =>
      sweepReservations(await productDatabase.models(), logger),
    );
    return { ended };
  },
);

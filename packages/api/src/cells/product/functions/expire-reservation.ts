import { inngestFor } from '../../../events/inngest-client';
import { reservationCreated } from '../../../events/schemas';
import { rootLogger } from '../../../observability/logger';
import { productDatabase } from '../database';
import { expireReservation } from '../reservations';

const inngest = inngestFor('product');
const logger = rootLogger.child({ cell: 'product', component: 'reservations' });

export const untilExpiryStepId = 'until-expiry';
export const expireStepId = 'expire';

/** Sleeps until the reservation's time is up, then gives its units back if still held. */
export const expireReservationOnTime = inngest.createFunction(
  { id: 'expire-reservation', triggers: [reservationCreated] },
  async ({ event, step }) => {
    await step.sleepUntil(untilExpiryStepId, new Date(event.data.expiresAt));
    const expired = await step.run(expireStepId, async () =>
      expireReservation(await productDatabase.models(), event.data.reservationId, logger),
    );
    return { expired };
  },
);

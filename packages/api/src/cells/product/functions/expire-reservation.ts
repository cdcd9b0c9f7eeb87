import { inngestFor } from '../../../events/inngest-client';
import { reservationCreated } from '../../../events/schemas';
import { rootLogger } from '../../../observability/logger';
import { productDatabase } from '../database';
import { expireReservation } from '../reservations';

const inngest = inngestFor('product');
const logger = rootLogger.child({ cell: 'product', component: 'reservations' });

export const untilExpiryStepId = 'until-expiry';

/**
 * Sleeps until the reservation's time is up, then gives its units back if still held. The expiry
 * runs in the call that ends the sleep, as the function's last code rather than a `step.run` of
 * its own (which would only add a call from Inngest per reservation): it is idempotent, and a
 * failed attempt is retried as the function.
 */
export const expireReservationOnTime = inngest.createFunction(
  { id: 'expire-reservation', triggers: [reservationCreated] },
  async ({ event, step }) => {
    await step.sleepUntil(untilExpiryStepId, new Date(event.data.expiresAt));
    const expired = await expireReservation(
      await productDatabase.models(),
      event.data.reservationId,
      logger,
    );
    return { expired };
  },
);

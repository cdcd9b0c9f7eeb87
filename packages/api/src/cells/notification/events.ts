import { eventType } from 'inngest';
import { z } from 'zod';

/**
 * Events the notification cell sends, named `notification/thing.happened` and re-exported by
 * `events/schemas.ts`. Besides these it reacts to other cells' events (see `functions.ts`).
 */

/**
 * Staff asked to send a failed email again (`notification.resendMessage`): the cell's own
 * `resend-message` function delivers it with the usual retries. `resendCount` names the request,
 * so a redelivered event finds the message already sent and sends nothing.
 */
export const messageResendRequested = eventType('notification/message.resend-requested', {
  schema: z.object({
    messageId: z.string().regex(/^[0-9a-f]{24}$/i),
    resendCount: z.number().int().positive(),
  }),
});

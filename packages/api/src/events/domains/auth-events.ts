import { eventType } from 'inngest';
import { z } from 'zod';

/** Events the auth cell sends. */
export const userRegistered = eventType('auth/user.registered', {
  schema: z.object({
    accountId: z.string().min(1),
    email: z.email(),
    name: z.string(),
  }),
});

import { eventType } from 'inngest';
import { z } from 'zod';
import { supportedLanguages } from '@shop/db/user';

/**
 * Events the user cell sends, named `user/thing.happened` and re-exported by
 * `events/schemas.ts`. It also reacts to other cells' events (see `functions.ts`).
 */

/**
 * A shopper chose the language the shop writes to them in (account > preferences). The
 * notification cell keeps the latest per account, so emails go out in it without asking this
 * cell at send time. `changedAt` orders late or redelivered events: an older one never wins.
 */
export const languageChosen = eventType('user/language.chosen', {
  schema: z.object({
    accountId: z.string().min(1),
    language: z.enum(supportedLanguages),
    changedAt: z.iso.datetime(),
  }),
});

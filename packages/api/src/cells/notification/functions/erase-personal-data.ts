import { inngestFor } from '../../events/inngest-client';
import { accountDeleted } from '../../events/schemas';
import { eraseRecipient } from './message-records';

/**
 * Account deletion, notification cell: the person's message records stay (delivery statistics,
 * and the dedupe keys that stop a late retry from mailing the address again) but lose the address
 * and the account id. What was anonymised no longer matches, so a retry changes nothing.
 */
export const erasePersonalData = inngestFor('notification').createFunction(
  { id: 'erase-personal-data', triggers: [accountDeleted] },
  async ({ event, step }) =>
    step.run('anonymise-messages', () =>
      eraseRecipient({ accountId: event.data.accountId, email: event.data.email }),
    ),
);

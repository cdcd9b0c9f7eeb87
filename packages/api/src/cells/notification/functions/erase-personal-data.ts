import { inngestFor } from '../../../events/inngest-client';
import { accountDeleted } from '../../../events/schemas';
import { defineSagaStep } from '../../saga-step';
import { eraseRecipient } from '../message-records';

/** Drops the address and account id from every message record of the person. */
export const anonymiseMessagesStep = defineSagaStep({
  id: 'anonymise-messages',
  run: eraseRecipient,
});

/**
 * Account deletion, notification cell: the person's message records stay (delivery statistics,
 * and the dedupe keys that stop a late retry from mailing the address again) but lose the address
 * and the account id. What was anonymised no longer matches, so a retry changes nothing.
 */
export const erasePersonalData = inngestFor('notification').createFunction(
  { id: 'erase-personal-data', triggers: [accountDeleted] },
  async ({ event, step }) =>
    step.run(anonymiseMessagesStep.id, () =>
      anonymiseMessagesStep.run({ accountId: event.data.accountId, email: event.data.email }),
    ),
);

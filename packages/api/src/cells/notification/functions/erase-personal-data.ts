import { inngestFor } from '../../../events/inngest-client';
import { accountDeleted } from '../../../events/schemas';
import { defineSagaStep } from '../../saga-step';
import { eraseRecipient } from '../message-records';
import { forgetLanguage } from '../recipient-language';
import { eraseConsentRecords } from '../subscribers';

/** Drops the address and account id from every message record of the person. */
export const anonymiseMessagesStep = defineSagaStep({
  id: 'anonymise-messages',
  run: eraseRecipient,
});

/** Deletes the person's newsletter consent and back-in-stock requests. */
export const eraseConsentStep = defineSagaStep({ id: 'erase-consent', run: eraseConsentRecords });

/** Deletes the account's email language choice. */
export const forgetLanguageStep = defineSagaStep({ id: 'forget-language', run: forgetLanguage });

/**
 * Account deletion, notification cell: the person's message records stay (delivery statistics,
 * and the dedupe keys that stop a late retry from mailing the address again) but lose the address
 * and the account id; the newsletter consent, back-in-stock requests and language choice are deleted. What was anonymised no longer matches, so a retry changes nothing.
 */
export const erasePersonalData = inngestFor('notification').createFunction(
  { id: 'erase-personal-data', triggers: [accountDeleted] },
  async ({ event, step }) => {
    const person = { accountId: event.data.accountId, email: event.data.email };
    const messages = await step.run(anonymiseMessagesStep.id, () =>
      anonymiseMessagesStep.run(person),
    );
    const consent = await step.run(eraseConsentStep.id, () => eraseConsentStep.run(person));
    const language = await step.run(forgetLanguageStep.id, () =>
      forgetLanguageStep.run(person.accountId),
    );
    return { ...messages, ...consent, ...language };
  },
);

import { inngestFor } from '../../../events/inngest-client';
import { languageChosen } from '../../../events/schemas';
import { defineSagaStep } from '../../saga-step';
import { rememberLanguage } from '../recipient-language';

export const rememberLanguageStep = defineSagaStep({
  id: 'remember-language',
  run: rememberLanguage,
});

/** A shopper chose their language: later emails to the account are written in it. */
export const rememberRecipientLanguage = inngestFor('notification').createFunction(
  { id: 'remember-recipient-language', triggers: [languageChosen] },
  async ({ event, step }) =>
    step.run(rememberLanguageStep.id, () => rememberLanguageStep.run(event.data)),
);

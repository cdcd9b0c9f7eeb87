import { NonRetriableError } from 'inngest';
import { defineSagaStep } from '../saga-step';
import { giveUp, sendEmail, type EmailRequest } from './send-email';
import type { EmailTemplateId } from './templates/registry';

/**
 * Attempts per email: the first and five retries. On the real engine's schedule (15 s, 30 s,
 * 1, 2, 5 min, each plus up to 30 s) the last comes 9 to 11 minutes after the first: long enough
 * to ride out a provider's brief outage, short enough for a sign-in or reset link to stay useful.
 */
export const emailRetries = 5;

/** One delivery attempt of an email function (retried by Inngest on a transient failure). */
export const sendEmailStep = defineSagaStep({
  id: 'send',
  run: (request: EmailRequest<EmailTemplateId>) => sendEmail(request),
});

/** After the send step ended for good: the message is marked failed. */
export const giveUpStep = defineSagaStep({ id: 'give-up', run: giveUp });

interface StepTools {
  run<T>(id: string, work: () => Promise<T>): Promise<unknown>;
}

/**
 * Sends in a step (retried by Inngest on a transient failure). When a step ends for good, the
 * message is marked failed and the run ends without function-level retries.
 */
export async function sendInSteps<TId extends EmailTemplateId>(
  step: StepTools,
  request: EmailRequest<TId>,
) {
  try {
    return await step.run(sendEmailStep.id, () => sendEmailStep.run(request));
  } catch (error) {
    await step.run(giveUpStep.id, () => giveUpStep.run(request));
    throw new NonRetriableError(
      `email ${request.template} not sent: ${error instanceof Error ? error.message : 'failed'}`,
    );
  }
}

import { NonRetriableError } from 'inngest';
import { giveUp, sendEmail, type EmailRequest } from './send-email';
import type { EmailTemplateId } from './templates/registry';

/**
 * Attempts per email: the first and five retries, with the executor's exponential backoff
 * (Inngest Cloud: about 15 minutes in all), long enough to ride out a provider's brief outage.
 */
export const emailRetries = 5;

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
    return await step.run('send', () => sendEmail(request));
  } catch (error) {
    await step.run('give-up', () => giveUp(request));
    throw new NonRetriableError(
      `email ${request.template} not sent: ${error instanceof Error ? error.message : 'failed'}`,
    );
  }
}

import { createHash } from 'node:crypto';
import { NonRetriableError, type InngestFunction } from 'inngest';
import { inngestFor } from '../../events/inngest-client';
import {
  emailVerificationRequested,
  passwordResetRequested,
  userRegistered,
} from '../../events/schemas';
import { erasePersonalData } from './erase-personal-data';
import { giveUp, sendEmail, type EmailRequest } from './send-email';
import type { EmailTemplateId } from './templates/registry';

const inngest = inngestFor('notification');

/**
 * Attempts per email: the first and five retries, with the executor's exponential backoff
 * (Inngest Cloud: about 15 minutes in all), long enough to ride out a provider's brief outage.
 */
const retries = 5;

interface StepTools {
  run<T>(id: string, work: () => Promise<T>): Promise<unknown>;
}

/**
 * Sends in a step (retried by Inngest on a transient failure). When a step ends for good, the
 * message is marked failed and the run ends without function-level retries.
 */
async function sendInSteps<TId extends EmailTemplateId>(
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

/** A token's hash identifies its email without keeping the token (a live credential). */
function tokenKey(token: string): string {
  return `token:${createHash('sha256').update(token).digest('hex')}`;
}

export const sendWelcomeEmail = inngest.createFunction(
  { id: 'send-welcome-email', retries, triggers: [userRegistered] },
  async ({ event, step }) =>
    sendInSteps(step, {
      template: 'welcome',
      to: event.data.email,
      props: { name: event.data.name },
      // One welcome per account, however often the event arrives.
      dedupeKey: `account:${event.data.accountId}`,
      accountId: event.data.accountId,
    }),
);

export const sendVerificationEmail = inngest.createFunction(
  { id: 'send-verification-email', retries, triggers: [emailVerificationRequested] },
  async ({ event, step }) =>
    sendInSteps(step, {
      template: 'verify-email',
      to: event.data.email,
      props: { name: event.data.name, token: event.data.token, expiresAt: event.data.expiresAt },
      dedupeKey: tokenKey(event.data.token),
      accountId: event.data.accountId,
    }),
);

export const sendPasswordResetEmail = inngest.createFunction(
  { id: 'send-password-reset-email', retries, triggers: [passwordResetRequested] },
  async ({ event, step }) =>
    sendInSteps(step, {
      template: 'password-reset',
      to: event.data.email,
      props: { name: event.data.name, token: event.data.token, expiresAt: event.data.expiresAt },
      dedupeKey: tokenKey(event.data.token),
      accountId: event.data.accountId,
    }),
);

/** The notification cell's Inngest functions. */
export const notificationFunctions: InngestFunction.Any[] = [
  sendWelcomeEmail,
  sendVerificationEmail,
  sendPasswordResetEmail,
  erasePersonalData,
];

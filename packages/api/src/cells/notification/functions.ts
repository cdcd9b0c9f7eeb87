import { createHash } from 'node:crypto';
import type { InngestFunction } from 'inngest';
import { inngestFor } from '../../events/inngest-client';
import {
  emailVerificationRequested,
  passwordResetRequested,
  userRegistered,
} from '../../events/schemas';
import { erasePersonalData } from './erase-personal-data';
import { orderEmailFunctions } from './order-emails';
import { emailRetries as retries, sendInSteps } from './send-in-steps';

const inngest = inngestFor('notification');

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
  ...orderEmailFunctions,
  erasePersonalData,
];

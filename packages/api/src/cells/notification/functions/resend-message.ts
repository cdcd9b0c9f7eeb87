import { inngestFor } from '../../../events/inngest-client';
import { messageResendRequested } from '../events';
import { notificationDatabase } from '../database';
import type { EmailRequest } from '../send-email';
import { emailRetries as retries, sendInSteps } from '../send-in-steps';
import { emailTemplates, type EmailTemplateId } from '../templates/registry';

export const loadStepId = 'load-message';

/**
 * Staff's "Resend" (`notification.resendMessage` turned the message back to queued): sends it with
 * the props kept on the record, through the same path and retries as the first time. The message's
 * own record and dedupe key make it one email however often the event arrives.
 */
export const resendMessage = inngestFor('notification').createFunction(
  { id: 'resend-message', retries, triggers: [messageResendRequested] },
  async ({ event, step }) => {
    const request = await step.run(loadStepId, async () => {
      const { Message } = await notificationDatabase.models();
      const message = await Message.findById(event.data.messageId).lean();
      if (!message || message.status !== 'queued' || !message.dedupeKey) return null;
      if (message.resendProps == null || !(message.template in emailTemplates)) return null;
      return {
        template: message.template as EmailTemplateId,
        to: message.to,
        props: message.resendProps as Record<string, unknown>,
        dedupeKey: message.dedupeKey,
        accountId: message.accountId ?? undefined,
        orderNumber: message.orderNumber ?? undefined,
      };
    });
    if (!request) return { status: 'skipped', reason: 'not-queued' } as const;
    // The props were the template's own when first rendered; rendering validates them again.
    return sendInSteps(step, request as unknown as EmailRequest<EmailTemplateId>);
  },
);

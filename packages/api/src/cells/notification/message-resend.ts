import type { Message } from '@shop/db/notification';
import { emailTemplates } from './templates/registry';

/**
 * Why staff cannot resend this message, or null when they can. Only a failed transactional email
 * whose props were kept goes again: a marketing email is never resent by hand (consent and
 * campaigns decide), a bounced address would bounce again, and a single-use link was never stored
 * (the customer asks for a new one).
 */
export function resendRefusal(
  message: Pick<Message, 'status' | 'kind' | 'template' | 'dedupeKey' | 'resendProps' | 'to'>,
): string | null {
  if (message.to === 'erased') return 'The recipient deleted their account.';
  if (message.kind !== 'transactional') return 'Only transactional emails are resent by hand.';
  const template = Object.values(emailTemplates).find((each) => each.id === message.template);
  if (template && 'singleUseLink' in template && template.singleUseLink) {
    return 'It carried a single-use link, which is never stored: the customer asks for a new one.';
  }
  if (message.status !== 'failed') {
    return message.status === 'bounced'
      ? 'The address bounced; it would bounce again.'
      : `It is ${message.status}, not failed.`;
  }
  if (!template || !message.dedupeKey || message.resendProps == null) {
    return 'It was recorded before emails kept what a resend needs.';
  }
  return null;
}

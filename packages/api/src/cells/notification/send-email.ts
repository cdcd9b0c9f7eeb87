import { NonRetriableError } from 'inngest';
import { z } from 'zod';
import { mayReceive } from './consent';
import type { TemplateLanguage } from '@shop/db/notification';
import { mailConfig } from './mail-config';
import { claimForSending, findOrCreateMessage, markFailed } from './message-records';
import { recordSent } from './record-sent';
import { RetryableSendError } from './retryable-send-error';
import { recordSmtpFailure } from './smtp-failure';
import { smtpTransport } from './smtp-transport';
import { stableMessageId } from './stable-message-id';
import { languageOf } from './recipient-language';
import { loadOverride } from './template-overrides';
import { unsubscribeLinksFor } from './unsubscribe-links';
import { emailTemplates, type EmailProps, type EmailTemplateId } from './templates/registry';
import type { EmailTemplate } from './templates/email-template';
import { renderEmail } from './templates/render-email';

export interface EmailRequest<TId extends EmailTemplateId> {
  template: TId;
  to: string;
  props: EmailProps<TId>;
  /** With the template, what identifies this one email: a retry or duplicate never sends twice. */
  dedupeKey: string;
  accountId?: string;
  orderNumber?: string;
  /** The language to write it in, where staff reworded the template (default: the shop's). */
  language?: TemplateLanguage;
}

export type SendOutcome =
  | { status: 'sent'; messageId: string; alreadySent: boolean }
  | { status: 'failed'; messageId: string }
  | { status: 'skipped'; reason: 'no-consent' };

export { RetryableSendError } from './retryable-send-error';

/**
 * One delivery attempt, meant to run as an Inngest step: records the message (once), takes it,
 * renders and sends it, and records the outcome. Throws `RetryableSendError` for a transient
 * failure (Inngest retries) and `NonRetriableError` for a permanent one (status `failed`).
 * The body is rendered here and never stored or returned: it can hold a single-use link.
 */
export async function sendEmail<TId extends EmailTemplateId>(
  request: EmailRequest<TId>,
): Promise<SendOutcome> {
  // The registry's entries differ in props; the request's type already ties props to template.
  const template = emailTemplates[request.template] as EmailTemplate<EmailProps<TId>>;
  return sendTemplate(template, request);
}

/**
 * `sendEmail` for a template given directly. Every email passes the consent check first: a
 * marketing template without the recipient's consent is skipped, before anything is recorded.
 */
export async function sendTemplate<TProps>(
  template: EmailTemplate<TProps>,
  request: Omit<EmailRequest<EmailTemplateId>, 'template' | 'props'> & { props: TProps },
): Promise<SendOutcome> {
  const recipient = { email: request.to, accountId: request.accountId };
  if (!(await mayReceive(template.kind, recipient)))
    return { status: 'skipped', reason: 'no-consent' };
  // Every marketing email, whatever its template, carries one-click unsubscribe (RFC 8058).
  const unsubscribe = template.kind === 'marketing' ? await unsubscribeLinksFor(request.to) : null;
  if (template.kind === 'marketing' && !unsubscribe)
    return { status: 'skipped', reason: 'no-consent' };

  const config = mailConfig();
  // Props that do not fit the template will not fit on a retry either.
  // Staff's wording (admin > Notifications > Templates), read on every send so a change applies at once.
  // In the language the sender names, else the one the account chose, else the shop's.
  const language = request.language ?? (await languageOf(request.accountId));
  const override = await loadOverride(template.id, language);
  const rendered = await renderEmail(
    template,
    request.props,
    {
      storefrontUrl: config.storefrontUrl,
      ...(unsubscribe && { unsubscribeUrl: unsubscribe.pageUrl }),
    },
    override,
  ).catch((error: unknown) => {
    const reason = error instanceof z.ZodError ? z.prettifyError(error) : String(error);
    throw new NonRetriableError(`email ${template.id} cannot be rendered: ${reason}`);
  });
  const message = await findOrCreateMessage({
    template: template.id,
    dedupeKey: request.dedupeKey,
    to: request.to,
    subject: rendered.subject,
    kind: template.kind,
    accountId: request.accountId,
    orderNumber: request.orderNumber,
    // Kept for a staff resend of a failed transactional email; never a single-use link.
    resendProps:
      template.kind === 'transactional' && !template.singleUseLink ? request.props : undefined,
  });
  const messageId = message._id.toString();
  if (message.status === 'sent') return { status: 'sent', messageId, alreadySent: true };
  if (message.status === 'failed') return { status: 'failed', messageId };

  const claimed = await claimForSending(message._id);
  if (!claimed) {
    // Sent, failed or being sent by another run since we looked: try again shortly to find out.
    throw new RetryableSendError(`message ${messageId} is being sent by another run`);
  }

  if (!config.smtpUrl) {
    const reason = 'SMTP_URL is not configured';
    await markFailed({ _id: message._id }, reason);
    throw new NonRetriableError(reason);
  }

  let info: { messageId?: unknown; response?: unknown };
  try {
    const transport = await smtpTransport(config.smtpUrl);
    info = await transport.sendMail({
      from: config.from,
      to: request.to,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      messageId: stableMessageId(template.id, request.dedupeKey, config.from),
      headers: { 'X-Shop-Template': template.id, ...unsubscribe?.headers },
    });
  } catch (error) {
    throw await recordSmtpFailure(error, { _id: message._id, to: request.to });
  }
  // Outside the SMTP error handling: a failure to record the send is not an SMTP failure, and
  // must not release the lease (that would let the retry send the email again).
  await recordSent(
    message._id,
    typeof info.messageId === 'string' ? info.messageId : undefined,
    typeof info.response === 'string' ? info.response.slice(0, 500) : undefined,
  );
  return { status: 'sent', messageId, alreadySent: false };
}

/** After the last retry of a transient failure: the message will not be sent. */
export async function giveUp(request: { template: EmailTemplateId; dedupeKey: string }) {
  await markFailed({ template: emailTemplates[request.template].id, dedupeKey: request.dedupeKey });
}

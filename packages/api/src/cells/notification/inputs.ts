import { messageStatuses, staffAlertKinds, templateLanguages } from '@shop/db/notification';
import { z } from 'zod';
import { objectIdTextPattern } from '../../ids/object-id-text';
import { shownText } from '../../text-input/shown-text';
import { paginationInput } from '../../trpc/pagination';

const day = z.iso.date({ error: 'a day as YYYY-MM-DD' });

/**
 * `notification.listMessages`: optionally to one address (`to`), to addresses containing `search`,
 * in one status, of one template, created within days `from`..`until` (UTC, both included).
 */
export const listMessagesInput = z
  .object({
    to: z.email().max(320).optional(),
    search: z.string().trim().min(1).max(320).optional(),
    status: z.enum(messageStatuses).optional(),
    template: z.string().trim().min(1).max(64).optional(),
    from: day.optional(),
    until: day.optional(),
    ...paginationInput,
  })
  .refine((input) => !input.from || !input.until || input.from <= input.until, {
    error: 'the first day comes after the last',
    path: ['until'],
  });
export type ListMessagesInput = z.infer<typeof listMessagesInput>;

const messageId = z.string().regex(objectIdTextPattern, { error: 'not a message id' });

/** `notification.getMessage`: one message by id. */
export const getMessageInput = z.object({ id: messageId });
export type GetMessageInput = z.infer<typeof getMessageInput>;

/** `notification.resendMessage`: a failed transactional email to send again. */
export const resendMessageInput = z.object({ id: messageId });
export type ResendMessageInput = z.infer<typeof resendMessageInput>;

/**
 * Text staff write into an email: one line of plain text. React escapes it, so markup could not
 * run anyway; it is refused so that what staff see is what customers get, and a link may only be
 * http(s) (no javascript:, data: or other schemes a mail client might turn into a link).
 */
const emailText = (max: number) =>
  shownText(max)
    .refine((text) => !/<\/?[a-z!]/i.test(text), { error: 'plain text only: no HTML tags' })
    .refine(
      (text) =>
        ![...text.matchAll(/\b([a-z][a-z0-9+.-]*):(\/\/)?/gi)].some(
          ([, scheme, slashes]) =>
            !/^https?$/i.test(scheme!) &&
            (slashes !== undefined || /^(javascript|data|vbscript|file)$/i.test(scheme!)),
        ),
      { error: 'links must start with http:// or https://' },
    );

const templateId = z.string().trim().min(1).max(64);
const language = z.enum(templateLanguages, { error: 'not a language the shop offers' });

/** `notification.previewTemplate`: a template with sample data, in one language. */
export const previewTemplateInput = z.object({ template: templateId, language });
export type PreviewTemplateInput = z.infer<typeof previewTemplateInput>;

/**
 * `notification.saveTemplateOverride`: the subject and the editable blocks in one language. An
 * empty subject or block means the template's own text for it.
 */
export const saveTemplateOverrideInput = z.object({
  template: templateId,
  language,
  subject: emailText(200).default(''),
  blocks: z
    .record(
      z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, { error: 'not a block key' }),
      emailText(1000),
    )
    .default({})
    .refine((blocks) => Object.keys(blocks).length <= 20, { error: 'at most 20 blocks' }),
});
export type SaveTemplateOverrideInput = z.infer<typeof saveTemplateOverrideInput>;

/** `notification.resetTemplateOverride`: back to the template's own text in one language. */
export const resetTemplateOverrideInput = z.object({ template: templateId, language });
export type ResetTemplateOverrideInput = z.infer<typeof resetTemplateOverrideInput>;

// ---- Newsletter, unsubscribe, suppression, lifecycle (issue 18)

const email = z.email({ error: 'an email address' }).trim().max(320);
/** Link tokens: `<payload>.<mac>` (link-signing.ts), checked for shape before the MAC. */
const linkToken = z.string().regex(/^[A-Za-z0-9_.-]{20,600}$/, { error: 'a link token' });
/** The words shown next to the box or button, kept as evidence of what was agreed to. */
const wording = shownText(500).pipe(z.string().min(10, { error: 'the wording shown' }));

/** `notification.subscribe`: the footer form or the checkout box (unticked by default). */
export const subscribeInput = z.strictObject({
  email,
  source: z.enum(['footer', 'checkout']),
  wording,
});
export type SubscribeInput = z.infer<typeof subscribeInput>;

export const confirmSubscriptionInput = z.strictObject({ token: linkToken });
export type ConfirmSubscriptionInput = z.infer<typeof confirmSubscriptionInput>;

export const unsubscribeLinkInput = z.strictObject({ token: linkToken });
export type UnsubscribeLinkInput = z.infer<typeof unsubscribeLinkInput>;

/** `via`: the page's button, or a mail client's RFC 8058 one-click POST. */
export const unsubscribeInput = z.strictObject({
  token: linkToken,
  via: z.enum(['email-link', 'one-click']).default('email-link'),
});
export type UnsubscribeInput = z.infer<typeof unsubscribeInput>;

export const setMyNewsletterInput = z.strictObject({ subscribed: z.boolean(), wording });
export type SetMyNewsletterInput = z.infer<typeof setMyNewsletterInput>;

export const listSuppressionsInput = z.strictObject({
  email: email.optional(),
  ...paginationInput,
});
export type ListSuppressionsInput = z.infer<typeof listSuppressionsInput>;

export const removeSuppressionInput = z.strictObject({ email });

/** Staff: an address's newsletter consent (the admin's customer page). */
export const customerMarketingInput = z.strictObject({ email });
export type CustomerMarketingInput = z.infer<typeof customerMarketingInput>;
export type RemoveSuppressionInput = z.infer<typeof removeSuppressionInput>;

const sku = z.string().trim().min(1).max(64).toUpperCase();

export const notifyWhenAvailableInput = z.strictObject({ email, sku });
export type NotifyWhenAvailableInput = z.infer<typeof notifyWhenAvailableInput>;

/** SKUs and quantities only: names and prices are read from the product cell. */
export const rememberCheckoutInput = z.strictObject({
  email,
  lines: z
    .array(z.strictObject({ sku, quantity: z.number().int().min(1).max(99) }))
    .min(1)
    .max(50),
});
export type RememberCheckoutInput = z.infer<typeof rememberCheckoutInput>;

export const restoreCartLinkInput = z.strictObject({ token: linkToken });
export type RestoreCartLinkInput = z.infer<typeof restoreCartLinkInput>;

// ---- Staff alerts

/** `notification.listAlerts`: newest first; `unreadOnly` for the caller's unread ones. */
export const listAlertsInput = z.object({
  unreadOnly: z.boolean().default(false),
  ...paginationInput,
});
export type ListAlertsInput = z.infer<typeof listAlertsInput>;

/** `notification.markAlertsRead`: these alerts, or every alert when `all`. */
export const markAlertsReadInput = z
  .object({
    ids: z
      .array(z.string().regex(objectIdTextPattern, { error: 'not an alert id' }))
      .max(100)
      .default([]),
    all: z.boolean().default(false),
  })
  .refine((input) => input.all || input.ids.length > 0, { error: 'which alerts?', path: ['ids'] });
export type MarkAlertsReadInput = z.infer<typeof markAlertsReadInput>;

/** `notification.setAlertSubscription`: the alert kinds the caller also wants by email. */
export const setAlertSubscriptionInput = z.object({
  kinds: z
    .array(z.enum(staffAlertKinds, { error: 'not an alert kind' }))
    .max(staffAlertKinds.length),
});
export type SetAlertSubscriptionInput = z.infer<typeof setAlertSubscriptionInput>;

export * from './campaigns/inputs';

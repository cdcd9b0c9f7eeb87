import { campaignStatuses, templateLanguages } from '@shop/db/notification';
import { z } from 'zod';
import { objectIdTextPattern } from '../../../ids/object-id-text';
import { requiredShownText, shownParagraphs, shownText } from '../../../text-input/shown-text';

/**
 * Campaign content as the composer sends it. Everything here ends up in customers' mailboxes, so
 * it is checked at this boundary: plain text only (React escapes it when rendering, so markup in
 * it shows as text), links and images only http(s) (images https only: mail clients block mixed
 * content), bounded lengths and counts. Audiences are rules, never addresses: the recipient list
 * is built on the server from consent, suppressions and the purchase projection.
 */

export const maxCampaignBlocks = 30;
export const maxProductsPerBlock = 4;

function isUrlWithScheme(value: string, schemes: readonly string[]): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (
    schemes.includes(url.protocol) &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === ''
  );
}

/** A link a customer may click: absolute http(s), no credentials in it (no javascript:, data:). */
const linkUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => isUrlWithScheme(value, ['http:', 'https:']), {
    error: 'links must be absolute and start with http:// or https://',
  });

/** An image source: https only. */
const imageUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => isUrlWithScheme(value, ['https:']), {
    error: 'images must be absolute https:// addresses',
  });

const productId = z.string().regex(objectIdTextPattern, { error: 'not a product id' });

export const headingBlock = z.strictObject({
  type: z.literal('heading'),
  text: requiredShownText(200),
  level: z.union([z.literal(1), z.literal(2)]).default(2),
});
/** Paragraphs separated by blank lines; plain text (markup is shown as typed, escaped). */
export const textBlock = z.strictObject({
  type: z.literal('text'),
  text: shownParagraphs(5000).refine((value) => value !== '', { error: 'required' }),
});
export const imageBlock = z.strictObject({
  type: z.literal('image'),
  url: imageUrl,
  alt: requiredShownText(300),
  href: linkUrl.optional(),
});
/** Product cards, read from the catalogue when rendered or sent (name, image, price, link). */
export const productsBlock = z.strictObject({
  type: z.literal('products'),
  productIds: z
    .array(productId)
    .min(1, { error: 'at least one product' })
    .max(maxProductsPerBlock, { error: `at most ${maxProductsPerBlock} products` }),
});
export const buttonBlock = z.strictObject({
  type: z.literal('button'),
  label: requiredShownText(80),
  href: linkUrl,
});

export const campaignBlock = z.discriminatedUnion('type', [
  headingBlock,
  textBlock,
  imageBlock,
  productsBlock,
  buttonBlock,
]);
export type CampaignBlock = z.infer<typeof campaignBlock>;

export const campaignBlocks = z
  .array(campaignBlock)
  .min(1, { error: 'at least one block' })
  .max(maxCampaignBlocks, { error: `at most ${maxCampaignBlocks} blocks` });

const categorySlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,99}$/, { error: 'not a category' });
const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { error: 'a three-letter currency code' });

/**
 * Who gets it: always confirmed subscribers only (marketing consent), minus suppressed addresses.
 * `boughtFromCategory`: ordered a product in the category or below it. `noOrderInDays`: ordered
 * before, but not in the last `days` days. `lifetimeValueAbove`: spent more than `amount` (minor
 * units) in `currency` over all orders.
 */
export const campaignAudience = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('boughtFromCategory'), categoryId: categorySlug }),
  z.strictObject({ kind: z.literal('noOrderInDays'), days: z.number().int().min(1).max(3650) }),
  z.strictObject({
    kind: z.literal('lifetimeValueAbove'),
    amount: z.number().int().min(0).max(1_000_000_000),
    currency,
  }),
]);
export type CampaignAudience = z.infer<typeof campaignAudience>;

const language = z.enum(templateLanguages, { error: 'not a language the shop offers' });

/** What the composer edits: everything but the schedule. */
const campaignContent = {
  name: requiredShownText(120),
  subject: requiredShownText(200),
  preheader: shownText(200).optional(),
  language,
  blocks: campaignBlocks,
  audience: campaignAudience,
};

export const campaignIdInput = z.strictObject({
  id: z.string().regex(objectIdTextPattern, { error: 'not a campaign id' }),
});
export type CampaignIdInput = z.infer<typeof campaignIdInput>;

/** Newest first; `cursor` is the last id of the previous page. */
export const listCampaignsInput = z.strictObject({
  cursor: z.string().regex(objectIdTextPattern, { error: 'not a cursor' }).optional(),
  status: z.enum(campaignStatuses).optional(),
  limit: z.number().int().min(1).max(50).default(20),
});
export type ListCampaignsInput = z.infer<typeof listCampaignsInput>;

export const getCampaignInput = campaignIdInput;
export type GetCampaignInput = CampaignIdInput;

/**
 * `idempotencyKey`: one per draft the staff member means (the composer makes it), so a retried
 * create (a lost answer, a double submit) returns the same draft instead of making a second.
 */
export const createCampaignInput = z.strictObject({
  ...campaignContent,
  idempotencyKey: z.uuid({ error: 'must be a UUID' }),
});
export type CreateCampaignInput = z.infer<typeof createCampaignInput>;

/** Only while the campaign is a draft or scheduled. */
export const updateCampaignInput = z.strictObject({ ...campaignIdInput.shape, ...campaignContent });
export type UpdateCampaignInput = z.infer<typeof updateCampaignInput>;

/** Unsaved content, rendered with a sample recipient. */
export const previewCampaignInput = z.strictObject({
  subject: requiredShownText(200),
  preheader: shownText(200).optional(),
  language,
  blocks: campaignBlocks,
});
export type PreviewCampaignInput = z.infer<typeof previewCampaignInput>;

export const audienceSizeInput = z.strictObject({ audience: campaignAudience });
export type AudienceSizeInput = z.infer<typeof audienceSizeInput>;

/** To the signed-in staff member's own address; there is deliberately no address field. */
export const sendCampaignTestInput = campaignIdInput;

export const scheduleCampaignInput = z.strictObject({
  ...campaignIdInput.shape,
  /** ISO 8601 with an offset, e.g. `2026-12-06T09:00:00Z`; in the past means now. */
  sendAt: z.iso.datetime({ offset: true, error: 'a date and time (ISO 8601)' }),
});
export type ScheduleCampaignInput = z.infer<typeof scheduleCampaignInput>;

export const sendCampaignNowInput = campaignIdInput;
export const pauseCampaignInput = campaignIdInput;
export const resumeCampaignInput = campaignIdInput;
export const cancelCampaignInput = campaignIdInput;

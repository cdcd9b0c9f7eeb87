import type { RouterInputs } from '@shop/api/client';
import { decimalTextToMinor } from '@shop/money';
import type { AudienceDraft, BlockDraft, CampaignDraft } from './campaign-draft';

/**
 * The cell's campaign fields made from the composer's draft, with the same checks the cell makes
 * (notification `campaigns/inputs.ts`), so most mistakes show next to their field before a round
 * trip. The cell checks again; its refusals land on the same field keys (`blocks.2.href`).
 * Plain TypeScript: this runs in the browser, where the CSP refuses zod's compiled checks.
 */

/** What the composer fills in; the idempotency key of a create is added when it is sent. */
export type CampaignFields = Omit<RouterInputs['notification']['createCampaign'], 'idempotencyKey'>;
export type CampaignContent = RouterInputs['notification']['previewCampaign'];
export type CampaignAudienceInput = RouterInputs['notification']['audienceSize']['audience'];

/** The shop's currency: lifetime values are typed in its major units (see docs/notifications.md). */
export const shopCurrency = 'EUR';
export const maxBlocks = 30;
export const maxProductsPerBlock = 4;

export type FieldErrors = Record<string, string>;
type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

function isWebAddress(value: string, schemes: readonly string[]): boolean {
  try {
    const url = new URL(value);
    return schemes.includes(url.protocol) && url.hostname !== '' && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** Adds an error for `key` when `text` is empty or too long; returns the trimmed text. */
function requiredText(errors: FieldErrors, key: string, text: string, max: number): string {
  const trimmed = text.trim();
  if (!trimmed) errors[key] = 'Required.';
  else if (trimmed.length > max) errors[key] = `At most ${max} characters.`;
  return trimmed;
}

function link(errors: FieldErrors, key: string, text: string, schemes: readonly string[]) {
  const trimmed = text.trim();
  if (!trimmed) errors[key] = 'Required.';
  else if (!isWebAddress(trimmed, schemes)) {
    errors[key] =
      schemes.length === 1
        ? 'Use a full https:// address.'
        : 'Use a full address starting with https:// or http://.';
  }
  return trimmed;
}

type Block = CampaignContent['blocks'][number];

function blockOf(block: BlockDraft, at: number, errors: FieldErrors): Block {
  const key = (field: string) => `blocks.${at}.${field}`;
  switch (block.type) {
    case 'heading':
      return {
        type: 'heading',
        text: requiredText(errors, key('text'), block.text, 200),
        level: block.level,
      };
    case 'text':
      return { type: 'text', text: requiredText(errors, key('text'), block.text, 5000) };
    case 'image': {
      const href = block.href.trim();
      return {
        type: 'image',
        url: link(errors, key('url'), block.url, ['https:']),
        alt: requiredText(errors, key('alt'), block.alt, 300),
        ...(href ? { href: link(errors, key('href'), href, ['http:', 'https:']) } : {}),
      };
    }
    case 'products':
      if (block.products.length === 0) errors[key('productIds')] = 'Add at least one product.';
      if (block.products.length > maxProductsPerBlock) {
        errors[key('productIds')] = `At most ${maxProductsPerBlock} products.`;
      }
      return { type: 'products', productIds: block.products.map((product) => product.id) };
    case 'button':
      return {
        type: 'button',
        label: requiredText(errors, key('label'), block.label, 80),
        href: link(errors, key('href'), block.href, ['http:', 'https:']),
      };
  }
}

/** Subject, preheader, language and blocks: what the preview renders. */
export type ContentDraft = Pick<CampaignDraft, 'subject' | 'preheader' | 'language' | 'blocks'>;

export function campaignContentOf(draft: ContentDraft): Checked<CampaignContent> {
  const errors: FieldErrors = {};
  const subject = requiredText(errors, 'subject', draft.subject, 200);
  const preheader = draft.preheader.trim();
  if (preheader.length > 200) errors.preheader = 'At most 200 characters.';
  if (draft.blocks.length === 0) errors.blocks = 'Add at least one block.';
  if (draft.blocks.length > maxBlocks) errors.blocks = `At most ${maxBlocks} blocks.`;
  const blocks = draft.blocks.map((block, at) => blockOf(block, at, errors));
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { subject, ...(preheader ? { preheader } : {}), language: draft.language, blocks },
  };
}

/** The audience rule; amounts typed in major units become integer minor units. */
export function audienceOf(audience: AudienceDraft): Checked<CampaignAudienceInput> {
  switch (audience.kind) {
    case 'all':
      return { ok: true, value: { kind: 'all' } };
    case 'boughtFromCategory':
      return audience.categoryId
        ? { ok: true, value: { kind: 'boughtFromCategory', categoryId: audience.categoryId } }
        : { ok: false, errors: { 'audience.categoryId': 'Choose a category.' } };
    case 'noOrderInDays': {
      const days = /^\d{1,4}$/.test(audience.days.trim()) ? Number(audience.days.trim()) : NaN;
      return days >= 1 && days <= 3650
        ? { ok: true, value: { kind: 'noOrderInDays', days } }
        : { ok: false, errors: { 'audience.days': 'A whole number of days from 1 to 3650.' } };
    }
    case 'lifetimeValueAbove': {
      const amount = decimalTextToMinor(audience.amount.trim(), shopCurrency);
      return amount !== null && amount <= 1_000_000_000
        ? { ok: true, value: { kind: 'lifetimeValueAbove', amount, currency: shopCurrency } }
        : {
            ok: false,
            errors: { 'audience.amount': 'An amount in euros, such as 150 or 99.50.' },
          };
    }
  }
}

/** Everything createCampaign and updateCampaign take. */
export function campaignFieldsOf(draft: CampaignDraft): Checked<CampaignFields> {
  const errors: FieldErrors = {};
  const name = requiredText(errors, 'name', draft.name, 120);
  const content = campaignContentOf(draft);
  const audience = audienceOf(draft.audience);
  if (!content.ok) Object.assign(errors, content.errors);
  if (!audience.ok) Object.assign(errors, audience.errors);
  if (!content.ok || !audience.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { name, ...content.value, audience: audience.value } };
}

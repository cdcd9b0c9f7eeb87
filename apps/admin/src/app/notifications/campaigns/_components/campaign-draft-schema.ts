import { z } from 'zod';
import { emailLanguageOf, type EmailLanguage } from '../../_components/email-languages';
import { audienceKinds, type CampaignDraft } from './campaign-draft';

/**
 * The composer's draft as the server actions accept it (server only): shapes and generous
 * bounds, so nothing unexpected reaches the cell. The content rules themselves (http(s) links,
 * required alt text, lengths) are the cell's, mirrored in campaign-input.ts.
 */

const text = (max: number) => z.string().max(max);
const key = text(40);
const objectId = z.string().regex(/^[0-9a-f]{24}$/);

const blockDraftSchema = z.discriminatedUnion('type', [
  z.strictObject({
    key,
    type: z.literal('heading'),
    text: text(1000),
    level: z.union([z.literal(1), z.literal(2)]),
  }),
  z.strictObject({ key, type: z.literal('text'), text: text(20_000) }),
  z.strictObject({
    key,
    type: z.literal('image'),
    url: text(4000),
    alt: text(1000),
    href: text(4000),
  }),
  z.strictObject({
    key,
    type: z.literal('products'),
    products: z.array(z.strictObject({ id: objectId, name: text(400) })).max(10),
  }),
  z.strictObject({ key, type: z.literal('button'), label: text(400), href: text(4000) }),
]);

export const audienceDraftSchema = z.strictObject({
  kind: z.enum(audienceKinds),
  categoryId: text(200),
  days: text(20),
  amount: text(40),
});

const contentDraft = {
  subject: text(1000),
  preheader: text(1000),
  language: z.custom<EmailLanguage>((value) => emailLanguageOf(value) !== undefined),
  blocks: z.array(blockDraftSchema).max(60),
};

/** What the preview renders: the draft without its name and audience. */
export const contentDraftSchema = z.strictObject(contentDraft) satisfies z.ZodType<
  Pick<CampaignDraft, keyof typeof contentDraft>
>;

export const campaignDraftSchema = z.strictObject({
  name: text(1000),
  ...contentDraft,
  audience: audienceDraftSchema,
}) satisfies z.ZodType<CampaignDraft>;

export const campaignIdSchema = objectId;

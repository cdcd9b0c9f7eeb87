import { z } from 'zod';
import { conditionFields, type CollectionDraft, type ConditionDraft } from './collection-draft';

/** The collection editor's draft as the server action accepts it (server only). */

const shortText = z.string().max(200);

export const conditionDraftSchema = z.strictObject({
  field: z.enum(conditionFields),
  operator: z.enum(['is', 'under', 'at_least']),
  value: shortText,
}) satisfies z.ZodType<ConditionDraft>;

export const collectionRulesDraftSchema = z.strictObject({
  match: z.enum(['all', 'any']),
  conditions: z.array(conditionDraftSchema).max(10),
});

export const collectionDraftSchema = z.strictObject({
  title: shortText,
  handle: shortText,
  description: z.string().max(4000),
  kind: z.enum(['manual', 'rule']),
  sort: z.enum(['', 'manual', 'newest', 'price_asc', 'price_desc', 'name']),
  productIds: z.array(z.string().regex(/^[0-9a-f]{24}$/)).max(500),
  rules: collectionRulesDraftSchema,
}) satisfies z.ZodType<CollectionDraft>;

import type { RouterInputs, RouterOutputs } from '@shop/api/client';
import { minorToDecimalString } from '@shop/money';
import { parseMoneyInput } from '@/components/orders/money-input';

/**
 * The collection editor's state (`CollectionDraft`) and the cell's fields made from it: prices
 * typed in euros become exact minor units. No zod here: this file is in the browser's bundle,
 * and zod's compiled checks use `new Function`, which the admin's CSP refuses; the server
 * action checks the draft with collection-draft-schema.ts.
 */

type CollectionFields = RouterInputs['product']['createCollection'];
type Rules = RouterInputs['product']['previewCollection'];
type StoredCollection = RouterOutputs['product']['collectionById'];

export const conditionFields = ['tag', 'brand', 'category', 'price'] as const;
export type ConditionField = (typeof conditionFields)[number];

export interface ConditionDraft {
  field: ConditionField;
  /** `is` for tag, brand and category; `under` or `at_least` for the price. */
  operator: 'is' | 'under' | 'at_least';
  /** A tag, brand or category slug, or a price in euros as typed. */
  value: string;
}

export interface CollectionDraft {
  title: string;
  handle: string;
  description: string;
  kind: 'manual' | 'rule';
  /** '' for the kind's default (staff's order, or newest first). */
  sort: '' | 'manual' | 'newest' | 'price_asc' | 'price_desc' | 'name';
  productIds: string[];
  rules: { match: 'all' | 'any'; conditions: ConditionDraft[] };
}

/** A product as the manual list shows it. */
export interface ListedProduct {
  id: string;
  name: string;
  slug: string;
  status: string;
}

export function emptyCollectionDraft(): CollectionDraft {
  return {
    title: '',
    handle: '',
    description: '',
    kind: 'rule',
    sort: '',
    productIds: [],
    rules: { match: 'all', conditions: [{ field: 'tag', operator: 'is', value: '' }] },
  };
}

/** The draft of a stored collection. */
export function collectionDraftOf(collection: StoredCollection): CollectionDraft {
  return {
    title: collection.title,
    handle: collection.handle,
    description: collection.description,
    kind: collection.kind,
    sort: collection.sort,
    productIds: collection.products.map((product) => product.id),
    rules: {
      match: collection.match,
      conditions: collection.conditions.map((condition) =>
        condition.field === 'price'
          ? {
              field: 'price',
              operator: condition.operator,
              value: minorToDecimalString(condition.amountMinor, 'EUR'),
            }
          : { field: condition.field, operator: 'is', value: condition.value },
      ),
    },
  };
}

/** The rules of a draft in the cell's shape, or an error per condition that cannot be read. */
export function rulesFromDraft(
  rules: CollectionDraft['rules'],
): { ok: true; rules: Rules } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const conditions: Rules['conditions'] = [];
  rules.conditions.forEach((condition, index) => {
    if (condition.field === 'price') {
      const amount = parseMoneyInput(condition.value, { allowZero: true });
      if (!amount.ok) errors[`conditions.${index}`] = amount.message;
      else {
        conditions.push({
          field: 'price',
          operator: condition.operator === 'at_least' ? 'at_least' : 'under',
          amountMinor: amount.minor,
        });
      }
      return;
    }
    const value = condition.value.trim();
    if (!value) errors[`conditions.${index}`] = 'Enter a value.';
    else conditions.push({ field: condition.field, operator: 'is', value });
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, rules: { match: rules.match, conditions } };
}

/** The cell's collection fields from a draft. */
export function collectionFieldsFromDraft(
  draft: CollectionDraft,
): { ok: true; fields: CollectionFields } | { ok: false; errors: Record<string, string> } {
  const common = {
    title: draft.title.trim(),
    handle: draft.handle.trim(),
    description: draft.description.trim(),
    ...(draft.sort ? { sort: draft.sort } : {}),
  };
  if (draft.kind === 'manual') {
    return { ok: true, fields: { ...common, kind: 'manual', productIds: draft.productIds } };
  }
  const rules = rulesFromDraft(draft.rules);
  if (!rules.ok) return rules;
  return { ok: true, fields: { ...common, kind: 'rule', ...rules.rules } };
}

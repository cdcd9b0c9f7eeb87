import { categoryWithDescendants, type LoadedCategory } from './catalog-queries';
import type { CollectionCondition, CollectionRules } from './inputs/collections';

/**
 * A rule collection's conditions as a products filter, and the same test on one product (the
 * editor's "in these collections"). Rules are evaluated when read, never stored per product, so
 * a product joins or leaves a collection the moment it changes. Values are compared literally
 * (equality and numeric bounds): staff text never becomes a pattern or an operator.
 */

/** The stored shape (value or amountMinor, by field), as read back from the database. */
export interface StoredCondition {
  field: string;
  operator: string;
  value?: string | null;
  amountMinor?: number | null;
}

/** The fields a rule looks at. */
export interface RuleProduct {
  tags?: readonly string[] | null;
  brand: string;
  categorySlugs: readonly string[];
  priceMinMinor: number;
}

/** A stored condition back in its input shape; null for one this code does not know. */
export function conditionOf(stored: StoredCondition): CollectionCondition | null {
  if (stored.field === 'price' && (stored.operator === 'under' || stored.operator === 'at_least')) {
    return { field: 'price', operator: stored.operator, amountMinor: stored.amountMinor ?? 0 };
  }
  if (
    (stored.field === 'tag' || stored.field === 'brand' || stored.field === 'category') &&
    stored.operator === 'is'
  ) {
    return { field: stored.field, operator: 'is', value: stored.value ?? '' };
  }
  return null;
}

function conditionFilter(
  condition: CollectionCondition,
  categories: readonly LoadedCategory[],
): Record<string, unknown> {
  switch (condition.field) {
    case 'tag':
      return { tags: condition.value };
    case 'brand':
      // Exactly as stored (the editor offers the shop's brands), so an index can serve it.
      return { brand: condition.value };
    case 'category':
      return { categorySlugs: { $in: categoryWithDescendants(categories, condition.value) } };
    case 'price':
      return {
        priceMinMinor:
          condition.operator === 'under'
            ? { $lt: condition.amountMinor }
            : { $gte: condition.amountMinor },
      };
  }
}

/** The products filter of a rule (without status: callers add what they show). */
export function ruleFilter(
  rules: CollectionRules,
  categories: readonly LoadedCategory[],
): Record<string, unknown> {
  const parts = rules.conditions.map((condition) => conditionFilter(condition, categories));
  if (parts.length === 0) return { _id: { $exists: false } };
  return rules.match === 'all' ? { $and: parts } : { $or: parts };
}

function conditionHolds(
  condition: CollectionCondition,
  product: RuleProduct,
  categories: readonly LoadedCategory[],
): boolean {
  switch (condition.field) {
    case 'tag':
      return (product.tags ?? []).includes(condition.value);
    case 'brand':
      return product.brand === condition.value;
    case 'category': {
      const slugs = new Set(categoryWithDescendants(categories, condition.value));
      return product.categorySlugs.some((slug) => slugs.has(slug));
    }
    case 'price':
      return condition.operator === 'under'
        ? product.priceMinMinor < condition.amountMinor
        : product.priceMinMinor >= condition.amountMinor;
  }
}

/** Whether one product meets a rule: the same answer as `ruleFilter` would give for it. */
export function ruleMatches(
  rules: CollectionRules,
  product: RuleProduct,
  categories: readonly LoadedCategory[],
): boolean {
  if (rules.conditions.length === 0) return false;
  const holds = (condition: CollectionCondition) => conditionHolds(condition, product, categories);
  return rules.match === 'all' ? rules.conditions.every(holds) : rules.conditions.some(holds);
}

/** A stored collection's rules in input shape (unknown conditions dropped). */
export function rulesOf(collection: {
  match?: string | null;
  conditions?: readonly StoredCondition[] | null;
}): CollectionRules {
  return {
    match: collection.match === 'any' ? 'any' : 'all',
    conditions: (collection.conditions ?? [])
      .map(conditionOf)
      .filter((condition): condition is CollectionCondition => condition !== null),
  };
}

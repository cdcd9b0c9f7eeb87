import type { ProductModels } from '@shop/db/product';
import type { Types } from 'mongoose';
import type { LoadedCategory } from './catalog-queries';
import type { CsvRecord } from './csv-read';
import {
  csvCurrency,
  productFieldColumns,
  readVariantRow,
  type ProductFieldColumn,
  type VariantRow,
} from './csv-product-columns';
import { createInput, type CreateInput, type ProductChanges, type VariantInput } from './inputs';
import { tagsInput } from './inputs/tags';
import { publishIssues } from './publish-rules';
import { descriptionHtmlOf } from './rich-text';
import type { CsvPlannedChange, CsvRowError } from './views';

type Models = Pick<ProductModels, 'Product' | 'InventoryItem'>;

/** The rows of one product (one handle), in file order. */
export interface ProductGroup {
  handle: string;
  rows: VariantRow[];
}

type Action = 'create' | 'update' | 'unchanged';

/** What applying one product group does, decided against the database as it is now. */
export type ProductPlan =
  | { action: 'create'; group: ProductGroup; input: CreateInput; variants: Map<string, Action> }
  | {
      action: 'update' | 'unchanged';
      group: ProductGroup;
      productId: Types.ObjectId;
      version: number;
      changes: ProductChanges | null;
      /** Counts for SKUs the product already had (new SKUs start with theirs). */
      counts: { sku: string; onHand: number }[];
      thresholds: { sku: string; lowStockThreshold: number }[];
      variants: Map<string, Action>;
    };

/**
 * Reads every row and groups them by handle. A product's columns may be given on any of its rows
 * (usually the first); a later row that says something else is an error, as is a SKU repeated
 * in the file. Groups with a bad row are dropped (their errors say why).
 */
export function groupProductRows(records: readonly CsvRecord[], errors: CsvRowError[]) {
  const groups = new Map<string, ProductGroup>();
  const bad = new Set<string>();
  const skuLines = new Map<string, number>();
  const fieldLines = new Map<string, number>();
  for (const record of records) {
    const row = readVariantRow(record, errors);
    if (!row) {
      const handle = (record.cells.handle ?? '').toLowerCase();
      if (handle) bad.add(handle);
      continue;
    }
    const group = groups.get(row.handle) ?? { handle: row.handle, rows: [] };
    groups.set(row.handle, group);
    const seen = skuLines.get(row.sku);
    if (seen !== undefined) {
      errors.push({
        line: row.line,
        column: 'sku',
        message: `${row.sku} is already on line ${seen}`,
      });
      bad.add(row.handle);
      continue;
    }
    skuLines.set(row.sku, row.line);
    const first = group.rows[0];
    if (!first) {
      const unnamed = row.options.findIndex((option) => !option.name);
      if (unnamed !== -1) {
        errors.push({
          line: row.line,
          column: `option${unnamed + 1}_name`,
          message: "The option's name is needed on the product's first row",
        });
        bad.add(row.handle);
      }
    } else {
      row.options.forEach((option, index) => {
        option.name ||= first.options[index]?.name ?? '';
      });
    }
    for (const column of productFieldColumns) {
      const value = row.product[column];
      const earlier = group.rows.find((other) => other.product[column] !== undefined);
      if (value !== undefined && earlier && earlier.product[column] !== value) {
        errors.push({
          line: row.line,
          column,
          message: `Differs from line ${earlier.line}, another row of ${row.handle}; leave it empty or make them equal`,
        });
        bad.add(row.handle);
      }
      if (value !== undefined && !earlier) fieldLines.set(`${row.handle} ${column}`, row.line);
    }
    if (first) {
      const names = (options: VariantRow['options']) => options.map((option) => option.name);
      const own = names(row.options);
      const theirs = names(first.options);
      if (
        own.length !== theirs.length ||
        own.some((name, index) => name && name !== theirs[index])
      ) {
        errors.push({
          line: row.line,
          column: 'option1_name',
          message: `Every row of ${row.handle} needs the options of line ${first.line} (${theirs.join(', ') || 'none'})`,
        });
        bad.add(row.handle);
      }
    }
    group.rows.push(row);
  }
  for (const handle of bad) groups.delete(handle);
  return [...groups.values()];
}

/** The product's value of a column from whichever row gave it. */
function fieldOf(group: ProductGroup, column: ProductFieldColumn): string | undefined {
  return group.rows.find((row) => row.product[column] !== undefined)?.product[column];
}
function lineOf(group: ProductGroup, column: ProductFieldColumn): number {
  return group.rows.find((row) => row.product[column] !== undefined)?.line ?? group.rows[0]!.line;
}

/**
 * A tags cell ("summer|Garden party") as the product's tags, normalised as the editor does
 * (inputs/tags.ts), or the first reason one is refused.
 */
function tagsOf(text: string): { tags: string[] } | { error: string } {
  const parsed = tagsInput.safeParse(
    text
      .split('|')
      .map((tag) => tag.trim())
      .filter(Boolean),
  );
  return parsed.success
    ? { tags: parsed.data }
    : { error: `${parsed.error.issues[0]?.message ?? 'not a tag'} (separate several with |)` };
}

const categoriesOf = (text: string) =>
  text
    .split('|')
    .map((slug) => slug.trim().toLowerCase())
    .filter(Boolean);

const sameList = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/** Where a zod issue of the merged product points in the file: a line and a column. */
function locate(group: ProductGroup, variants: readonly VariantInput[], path: PropertyKey[]) {
  const [field, index, sub] = path;
  const variantColumns: Record<string, string> = {
    sku: 'sku',
    priceMinor: 'price',
    compareAtPriceMinor: 'compare_at_price',
    barcode: 'barcode',
    weightGrams: 'weight_grams',
    onHand: 'stock',
    lowStockThreshold: 'low_stock_threshold',
    optionValues: `option${typeof path[3] === 'number' ? path[3] + 1 : 1}_value`,
  };
  if (field === 'variants' && typeof index === 'number') {
    const sku = variants[index]?.sku;
    const row = group.rows.find((candidate) => candidate.sku === sku) ?? group.rows[0]!;
    return { line: row.line, column: variantColumns[String(sub)] ?? 'sku' };
  }
  const productColumns: Record<string, ProductFieldColumn | 'option1_name'> = {
    name: 'name',
    brand: 'brand',
    status: 'status',
    taxClass: 'tax_class',
    tags: 'tags',
    categorySlugs: 'categories',
    description: 'description',
    descriptionHtml: 'description',
    options: 'option1_name',
  };
  const column = productColumns[String(field)] ?? String(field ?? 'handle');
  const line =
    column === 'option1_name' || !productFieldColumns.includes(column as ProductFieldColumn)
      ? group.rows[0]!.line
      : lineOf(group, column as ProductFieldColumn);
  return { line, column };
}

interface Current {
  products: Map<string, Awaited<ReturnType<typeof loadProducts>>[number]>;
  inventory: Map<
    string,
    { sku: string; productId: Types.ObjectId; onHand: number; lowStockThreshold: number }
  >;
  slugsById: Map<string, string>;
}

function loadProducts({ Product }: Models, slugs: string[]) {
  return Product.find({ slug: { $in: slugs } })
    .select({ bulkKeys: 0, descriptionHtml: 0 })
    .lean();
}

async function loadCurrent(models: Models, groups: readonly ProductGroup[]): Promise<Current> {
  const products = await loadProducts(
    models,
    groups.map((group) => group.handle),
  );
  const skus = groups.flatMap((group) => group.rows.map((row) => row.sku));
  const inventory = await models.InventoryItem.find({ sku: { $in: skus } })
    .select({ sku: 1, productId: 1, onHand: 1, lowStockThreshold: 1 })
    .lean();
  const owners = [...new Set(inventory.map((item) => item.productId.toString()))];
  const ownerSlugs = await models.Product.find({ _id: { $in: owners } })
    .select({ slug: 1 })
    .lean();
  return {
    products: new Map(products.map((product) => [product.slug, product])),
    inventory: new Map(inventory.map((item) => [item.sku, item])),
    slugsById: new Map(ownerSlugs.map((owner) => [owner._id.toString(), owner.slug])),
  };
}

/**
 * Decides, for each product group, whether it creates a product, updates one (which fields,
 * which counts) or changes nothing, checking the result with the same rules as the editor
 * (createInput, publish rules, categories that exist, SKUs no other product has). A group with
 * an error is left out of the plan and its errors point at the line and column to fix.
 */
export async function planProductGroups(
  models: Models,
  groups: readonly ProductGroup[],
  categories: readonly LoadedCategory[],
  errors: CsvRowError[],
): Promise<ProductPlan[]> {
  const current = await loadCurrent(models, groups);
  const knownCategories = new Set(categories.map((category) => category.slug));
  const plans: ProductPlan[] = [];
  for (const group of groups) {
    const plan = planGroup(group, current, knownCategories, errors);
    if (plan) plans.push(plan);
  }
  return plans;
}

function planGroup(
  group: ProductGroup,
  current: Current,
  knownCategories: ReadonlySet<string>,
  errors: CsvRowError[],
): ProductPlan | null {
  const before = errors.length;
  const fail = (line: number, column: string, message: string) =>
    errors.push({ line, column, message });
  const existing = current.products.get(group.handle);
  const first = group.rows[0]!;

  for (const row of group.rows) {
    const owner = current.inventory.get(row.sku);
    if (owner && (!existing || !owner.productId.equals(existing._id))) {
      const slug = current.slugsById.get(owner.productId.toString()) ?? 'another product';
      fail(row.line, 'sku', `${row.sku} belongs to ${slug}; a SKU can be on one product only`);
    }
  }
  const categoryText = fieldOf(group, 'categories');
  const categorySlugs = categoryText !== undefined ? categoriesOf(categoryText) : undefined;
  for (const slug of categorySlugs ?? []) {
    if (!knownCategories.has(slug)) {
      fail(
        lineOf(group, 'categories'),
        'categories',
        `No category "${slug}" (separate several with |)`,
      );
    }
  }

  // No tags cell: the product keeps its tags (an empty cell cannot clear them, as for every
  // product column); a new product has none.
  const tagText = fieldOf(group, 'tags');
  const readTags = tagText !== undefined ? tagsOf(tagText) : undefined;
  if (readTags && 'error' in readTags) fail(lineOf(group, 'tags'), 'tags', readTags.error);
  const tags = readTags && 'tags' in readTags ? readTags.tags : undefined;

  // Options: names from the product's rows, values in the order first seen.
  const fileOptionNames = first.options.map((option) => option.name);
  const currentOptions =
    existing?.options.map((o) => ({ name: o.name, values: [...o.values] })) ?? [];
  if (
    existing &&
    !sameList(
      fileOptionNames,
      currentOptions.map((option) => option.name),
    )
  ) {
    fail(
      first.line,
      'option1_name',
      `${group.handle} has the options ${currentOptions.map((o) => o.name).join(', ') || '(none)'}; options are renamed in the product editor`,
    );
  }
  const options = existing
    ? currentOptions
    : fileOptionNames.map((name) => ({ name, values: [] as string[] }));
  for (const row of group.rows) {
    row.options.forEach((option, index) => {
      const target = options[index];
      if (target && !target.values.includes(option.value)) target.values.push(option.value);
    });
  }

  const variantOf = (row: VariantRow) => ({
    optionValues: row.options.map((option) => option.value),
    priceMinor: row.priceMinor,
    compareAtPriceMinor: row.compareAtPriceMinor,
    barcode: row.barcode,
    weightGrams: row.weightGrams,
  });
  const actions = new Map<string, Action>();
  const counts: { sku: string; onHand: number }[] = [];
  const thresholds: { sku: string; lowStockThreshold: number }[] = [];
  let variants: VariantInput[];
  if (!existing) {
    variants = group.rows.map((row) => ({
      sku: row.sku,
      ...variantOf(row),
      imageIndex: 0,
      onHand: row.stock ?? 0,
      ...(row.lowStockThreshold !== undefined ? { lowStockThreshold: row.lowStockThreshold } : {}),
    }));
    for (const row of group.rows) actions.set(row.sku, 'create');
  } else {
    variants = existing.variants.map((variant) => ({
      sku: variant.sku,
      optionValues: [...variant.optionValues],
      priceMinor: variant.priceMinor,
      compareAtPriceMinor: variant.compareAtPriceMinor ?? null,
      imageIndex: variant.imageIndex ?? 0,
      barcode: variant.barcode || null,
      weightGrams: variant.weightGrams ?? null,
    }));
    for (const row of group.rows) {
      const index = variants.findIndex((variant) => variant.sku === row.sku);
      const next = variantOf(row);
      if (index === -1) {
        variants.push({
          sku: row.sku,
          ...next,
          imageIndex: 0,
          onHand: row.stock ?? 0,
          ...(row.lowStockThreshold !== undefined
            ? { lowStockThreshold: row.lowStockThreshold }
            : {}),
        });
        actions.set(row.sku, 'create');
        continue;
      }
      const was = variants[index]!;
      const changed =
        !sameList(was.optionValues, next.optionValues) ||
        was.priceMinor !== next.priceMinor ||
        (was.compareAtPriceMinor ?? null) !== next.compareAtPriceMinor ||
        (was.barcode ?? null) !== next.barcode ||
        (was.weightGrams ?? null) !== next.weightGrams;
      variants[index] = { ...was, ...next };
      const stock = current.inventory.get(row.sku);
      if (stock && row.stock !== undefined && row.stock !== stock.onHand) {
        counts.push({ sku: row.sku, onHand: row.stock });
      }
      if (
        stock &&
        row.lowStockThreshold !== undefined &&
        row.lowStockThreshold !== stock.lowStockThreshold
      ) {
        thresholds.push({ sku: row.sku, lowStockThreshold: row.lowStockThreshold });
      }
      const stockChanged =
        counts.some((c) => c.sku === row.sku) || thresholds.some((t) => t.sku === row.sku);
      actions.set(row.sku, changed ? 'update' : stockChanged ? 'update' : 'unchanged');
      if (changed) actions.set(`${row.sku} fields`, 'update');
    }
  }

  const name = fieldOf(group, 'name') ?? existing?.name;
  const brand = fieldOf(group, 'brand') ?? existing?.brand;
  if (!name) fail(first.line, 'name', `A name is required for a new product (${group.handle})`);
  if (!brand) fail(first.line, 'brand', `A brand is required for a new product (${group.handle})`);
  const merged = {
    slug: group.handle,
    name: name ?? '',
    brand: brand ?? '',
    status: (fieldOf(group, 'status') ?? existing?.status ?? 'draft') as CreateInput['status'],
    // No tax_class cell (or column): the product keeps its class; a new one is standard.
    taxClass: (fieldOf(group, 'tax_class') ??
      existing?.taxClass ??
      'standard') as CreateInput['taxClass'],
    categorySlugs: categorySlugs ?? existing?.categorySlugs ?? [],
    tags: tags ?? existing?.tags ?? [],
    description: fieldOf(group, 'description') ?? existing?.description ?? '',
    collections: existing?.collections ?? [],
    currency: existing?.currency ?? csvCurrency,
    options,
    variants,
    images: existing?.images.map((image) => ({ url: image.url, alt: image.alt })) ?? [],
    attributes: existing?.attributes.map((a) => ({ name: a.name, value: a.value })) ?? [],
    seo: existing?.seo
      ? Object.fromEntries(Object.entries(existing.seo).filter(([, value]) => value))
      : {},
  };
  if (errors.length > before) return null;
  const checked = createInput.safeParse(merged);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const at = locate(group, variants, issue.path);
      fail(at.line, at.column, issue.message);
    }
    return null;
  }
  if (merged.status === 'active') {
    for (const issue of publishIssues(checked.data)) {
      const at = locate(group, variants, issue.path);
      fail(at.line, at.column, `${issue.message} (status is active)`);
    }
    if (errors.length > before) return null;
  }
  if (!existing) return { action: 'create', group, input: checked.data, variants: actions };

  const changes: ProductChanges = {};
  if (merged.name !== existing.name) changes.name = merged.name;
  if (merged.brand !== existing.brand) changes.brand = merged.brand;
  if (merged.status !== existing.status) changes.status = merged.status;
  if (merged.taxClass !== (existing.taxClass ?? 'standard')) changes.taxClass = merged.taxClass;
  if (!sameList(merged.categorySlugs, existing.categorySlugs)) {
    changes.categorySlugs = merged.categorySlugs;
  }
  if (!sameList(merged.tags, existing.tags ?? [])) changes.tags = merged.tags;
  if (merged.description !== (existing.description ?? '')) {
    // As rich text too, so the editor opens what the file said (the cell derives the text).
    changes.descriptionHtml = descriptionHtmlOf(checked.data.description);
  }
  const optionsChanged = options.some(
    (option, index) => !sameList(option.values, existing.options[index]?.values ?? []),
  );
  if (optionsChanged) changes.options = options;
  const variantsChanged =
    [...actions.values()].includes('create') ||
    [...actions.keys()].some((key) => key.endsWith(' fields'));
  if (variantsChanged) {
    // Existing SKUs without `onHand`: their counts go through the ledger as counts (below).
    changes.variants = checked.data.variants.map((variant) =>
      actions.get(variant.sku) === 'create' ? variant : { ...variant, onHand: undefined },
    );
  }
  for (const key of [...actions.keys()]) if (key.endsWith(' fields')) actions.delete(key);
  const hasChanges = Object.keys(changes).length > 0;
  return {
    action: hasChanges || counts.length > 0 || thresholds.length > 0 ? 'update' : 'unchanged',
    group,
    productId: existing._id,
    version: existing.version ?? 0,
    changes: hasChanges ? changes : null,
    counts,
    thresholds,
    variants: actions,
  };
}

const changedColumnNames: Record<string, string> = {
  descriptionHtml: 'description',
  categorySlugs: 'categories',
  options: 'option values',
};

/** The preview's line for a plan: the product's first line, its handle and what changes. */
export function plannedChangeOf(plan: ProductPlan): CsvPlannedChange {
  const fields =
    plan.action === 'create'
      ? []
      : [
          // Named as the file's columns, not the cell's fields.
          ...Object.keys(plan.changes ?? {}).map((field) => changedColumnNames[field] ?? field),
          ...(plan.counts.length > 0 ? ['stock'] : []),
          ...(plan.thresholds.length > 0 ? ['lowStockThreshold'] : []),
        ];
  return {
    line: plan.group.rows[0]!.line,
    handle: plan.group.handle,
    sku: plan.group.rows.map((row) => row.sku).join(', '),
    action: plan.action,
    fields,
  };
}

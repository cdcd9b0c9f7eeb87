import { productStatuses, taxClasses, type ProductStatus, type TaxClass } from '@shop/db/product';
import { decimalTextToMinor, minorToDecimalString, minorUnitDigits } from '@shop/money';
import type { CsvRecord } from './csv-read';
import { skuInput, slugInput } from './inputs';
import type { CsvRowError } from './views';

/**
 * The product CSV's columns (docs/back-office.md § CSV), in export order: one row per variant,
 * rows of one product share its `handle` (its address). Product columns may be filled on the
 * product's first row only; later rows inherit them.
 */
export const productCsvColumns = [
  'handle',
  'name',
  'brand',
  'status',
  'categories',
  'description',
  'option1_name',
  'option1_value',
  'option2_name',
  'option2_value',
  'option3_name',
  'option3_value',
  'sku',
  'price',
  'compare_at_price',
  'barcode',
  'weight_grams',
  'stock',
  'low_stock_threshold',
  // Last, so files written before them (and their header checks) read the same.
  'tax_class',
  // Several separated by |, like categories; rule collections match them (docs/collections.md).
  'tags',
] as const;
export type ProductCsvColumn = (typeof productCsvColumns)[number];

/** Columns every product file needs. */
export const requiredProductColumns: readonly ProductCsvColumn[] = ['handle', 'sku', 'price'];

/** Another platform's or an older export's id: accepted and ignored (matching is by handle and SKU). */
export const ignoredProductColumns = ['id', 'product_id', 'variant_id'];

export const productFieldColumns = [
  'name',
  'brand',
  'status',
  'categories',
  'description',
  'tax_class',
  'tags',
] as const;
export type ProductFieldColumn = (typeof productFieldColumns)[number];

/** One variant row, read and checked cell by cell. */
export interface VariantRow {
  line: number;
  handle: string;
  sku: string;
  /** Option names and values as given (1 to 3; empty when the product has no options). */
  options: { name: string; value: string }[];
  priceMinor: number;
  compareAtPriceMinor: number | null;
  barcode: string | null;
  weightGrams: number | null;
  /** Absent: leave the count alone. */
  stock?: number;
  lowStockThreshold?: number;
  product: Partial<Record<ProductFieldColumn, string>>;
}

/**
 * The currency of the file's prices: the shop sells in one (the order cell's `shopCurrency`), and
 * new products are created in it. Amounts are read and written by `@shop/money`, in this
 * currency's own minor digits.
 */
export const csvCurrency = 'EUR';

/** Most a price may be in the file (major units): far above any product, below float trouble. */
const maxMajorUnits = 99_999_999;

/** A price cell (`12`, `12.5`, `12,50`) in minor units, or null when it is not an amount. */
export function minorUnitsOf(text: string): number | null {
  const minor = decimalTextToMinor(text, csvCurrency);
  return minor !== null && minor <= maxMajorUnits * 10 ** minorUnitDigits(csvCurrency)
    ? minor
    : null;
}

/** How a price is written in an export, read back unchanged by `minorUnitsOf`. */
export function majorUnitsText(minor: number): string {
  return minorToDecimalString(minor, csvCurrency);
}

function wholeNumber(text: string, max: number): number | null {
  if (!/^\d{1,9}$/.test(text)) return null;
  const value = Number(text);
  return value <= max ? value : null;
}

/** Reads one row's cells; every bad cell becomes an error naming its line and column. */
export function readVariantRow(record: CsvRecord, errors: CsvRowError[]): VariantRow | null {
  const { line, cells } = record;
  const before = errors.length;
  const fail = (column: string, message: string) => errors.push({ line, column, message });
  const cell = (column: ProductCsvColumn) => cells[column] ?? '';

  const handle = slugInput.safeParse(cell('handle').toLowerCase());
  if (!cell('handle'))
    fail('handle', 'A handle (the product address, such as "oak-desk-lamp") is required');
  else if (!handle.success)
    fail(
      'handle',
      'Must be lowercase letters and digits joined by hyphens, such as "oak-desk-lamp"',
    );
  const sku = skuInput.safeParse(cell('sku'));
  if (!cell('sku')) fail('sku', 'A SKU is required');
  else if (!sku.success) fail('sku', 'Must be letters and digits joined by hyphens, at most 64');

  const options: { name: string; value: string }[] = [];
  for (const n of [1, 2, 3] as const) {
    const name = cell(`option${n}_name`);
    const value = cell(`option${n}_value`);
    // A later row may leave the name out: it inherits its product's first row's.
    if (name || value) options.push({ name, value });
    if (name && !value) fail(`option${n}_value`, `A value for ${name} is required`);
  }

  const priceMinor = minorUnitsOf(cell('price'));
  if (!cell('price')) fail('price', 'A price is required');
  else if (priceMinor === null || priceMinor < 1)
    fail(
      'price',
      'Must be an amount such as 12.50 or 12,50 (at least 0.01, no thousands separator)',
    );
  let compareAtPriceMinor: number | null = null;
  if (cell('compare_at_price')) {
    compareAtPriceMinor = minorUnitsOf(cell('compare_at_price'));
    if (compareAtPriceMinor === null) fail('compare_at_price', 'Must be an amount such as 15.00');
    else if (priceMinor !== null && compareAtPriceMinor <= priceMinor)
      fail('compare_at_price', 'Must be above the price (or empty)');
  }
  const barcode = cell('barcode') || null;
  if (barcode && !/^(?:\d{8}|\d{12,14})$/.test(barcode))
    fail('barcode', 'Must be 8, 12, 13 or 14 digits (EAN, UPC or GTIN)');
  let weightGrams: number | null = null;
  if (cell('weight_grams')) {
    weightGrams = wholeNumber(cell('weight_grams'), 1_000_000);
    if (weightGrams === null) fail('weight_grams', 'Must be whole grams, such as 850');
  }
  let stock: number | undefined;
  if (cell('stock')) {
    stock = wholeNumber(cell('stock'), 1_000_000) ?? undefined;
    if (stock === undefined) fail('stock', 'Must be a whole number of units, 0 or more');
  }
  let lowStockThreshold: number | undefined;
  if (cell('low_stock_threshold')) {
    lowStockThreshold = wholeNumber(cell('low_stock_threshold'), 100_000) ?? undefined;
    if (lowStockThreshold === undefined)
      fail('low_stock_threshold', 'Must be a whole number, 0 or more');
  }
  const status = cell('status').toLowerCase();
  if (status && !productStatuses.includes(status as ProductStatus))
    fail('status', `Must be one of ${productStatuses.join(', ')}`);
  const taxClass = cell('tax_class').toLowerCase();
  if (taxClass && !taxClasses.includes(taxClass as TaxClass))
    fail('tax_class', `Must be one of ${taxClasses.join(', ')}`);

  const product: VariantRow['product'] = {};
  for (const column of productFieldColumns) {
    const value = column === 'status' ? status : column === 'tax_class' ? taxClass : cell(column);
    if (value) product[column] = value;
  }
  if (errors.length > before || !handle.success || !sku.success || priceMinor === null) return null;
  return {
    line,
    handle: handle.data,
    sku: sku.data,
    options,
    priceMinor,
    compareAtPriceMinor,
    barcode,
    weightGrams,
    ...(stock !== undefined ? { stock } : {}),
    ...(lowStockThreshold !== undefined ? { lowStockThreshold } : {}),
    product,
  };
}

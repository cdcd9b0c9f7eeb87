import type { CsvImportKind, ProductModels } from '@shop/db/product';
import { loadCategories } from './catalog-queries';
import {
  groupProductRows,
  planProductGroups,
  plannedChangeOf,
  type ProductGroup,
  type ProductPlan,
} from './csv-product-plan';
import {
  ignoredProductColumns,
  productCsvColumns,
  requiredProductColumns,
} from './csv-product-columns';
import { readCsv, type CsvTable } from './csv-read';
import {
  planStockRows,
  plannedStockChangeOf,
  requiredStockColumns,
  stockCsvColumns,
} from './csv-stock-import';
import type { CsvPlannedChange, CsvPreview, CsvRowError } from './views';

type Models = Pick<ProductModels, 'Product' | 'InventoryItem' | 'StockMovement'>;

/** Rows a file may have; 10,000 variant rows are the measured case (docs/benchmarks.md). */
export const maxCsvRows = 20_000;
/** Product groups planned (and, when applying, written) per database round of reads. */
export const groupsPerChunk = 100;
const listedChanges = 200;
const listedErrors = 1_000;

function table(kind: CsvImportKind, text: string): CsvTable {
  const known = kind === 'products' ? productCsvColumns : stockCsvColumns;
  const required = kind === 'products' ? requiredProductColumns : requiredStockColumns;
  const read = readCsv(text, known, kind === 'products' ? ignoredProductColumns : []);
  if (read.columns.length > 0 || read.errors.length === 0) {
    for (const column of required) {
      if (!read.columns.includes(column)) {
        read.errors.push({ line: 1, column, message: 'This column is required' });
      }
    }
  }
  if (read.records.length > maxCsvRows) {
    read.errors.push({
      line: read.records[maxCsvRows]!.line,
      column: '',
      message: `At most ${maxCsvRows.toLocaleString('en')} rows per file: split it into several files`,
    });
  }
  return read;
}

/** The product groups of a file, in the order the importer writes them. */
export function productGroupsOf(text: string, errors: CsvRowError[]): ProductGroup[] {
  const read = table('products', text);
  errors.push(...read.errors);
  return groupProductRows(read.records, errors);
}

/** Reads the file and plans every row against the database without writing anything. */
export async function dryRun(
  models: Models,
  kind: CsvImportKind,
  text: string,
): Promise<CsvPreview> {
  const read = table(kind, text);
  const errors: CsvRowError[] = [...read.errors];
  const counts = {
    products: { create: 0, update: 0, unchanged: 0 },
    variants: { create: 0, update: 0, unchanged: 0 },
  };
  const changes: CsvPlannedChange[] = [];
  const required = kind === 'products' ? requiredProductColumns : requiredStockColumns;
  // Without its required columns no row can be read: the header's errors say which.
  if (required.every((column) => read.columns.includes(column))) {
    if (kind === 'products') {
      const groups = groupProductRows(read.records, errors);
      const categories = await loadCategories();
      for (let start = 0; start < groups.length; start += groupsPerChunk) {
        const plans: ProductPlan[] = await planProductGroups(
          models,
          groups.slice(start, start + groupsPerChunk),
          categories,
          errors,
        );
        for (const plan of plans) {
          counts.products[plan.action] += 1;
          for (const action of plan.variants.values()) counts.variants[action] += 1;
          if (plan.action !== 'unchanged' && changes.length < listedChanges)
            changes.push(plannedChangeOf(plan));
        }
      }
    } else {
      const plans = await planStockRows(models, read.records, errors);
      for (const plan of plans) {
        counts.variants[plan.action] += 1;
        if (plan.action !== 'unchanged' && changes.length < listedChanges)
          changes.push(plannedStockChangeOf(plan));
      }
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return {
    kind,
    rows: read.records.length,
    delimiter: read.delimiter,
    ...counts,
    changes,
    errors: errors.slice(0, listedErrors),
    moreErrors: Math.max(0, errors.length - listedErrors),
  };
}

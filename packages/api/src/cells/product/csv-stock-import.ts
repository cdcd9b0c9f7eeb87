import type { ProductModels, StockMovementReason } from '@shop/db/product';
import { TRPCError } from '@trpc/server';
import type { Logger } from 'pino';
import type { RowResult } from './csv-product-apply';
import type { CsvRecord } from './csv-read';
import { skuInput, staffStockReasons } from './inputs';
import { adjustStock, type MovementRecord } from './stock-adjustment';
import type { CsvPlannedChange, CsvRowError } from './views';

type Models = Pick<ProductModels, 'Product' | 'InventoryItem' | 'StockMovement'>;

/**
 * The stock CSV (bulk adjustment): `sku`, then `change` (units added, negative removes) or
 * `count` (units on hand after a count), a `reason` staff may give and an optional `note`.
 */
export const stockCsvColumns = ['sku', 'change', 'count', 'reason', 'note'] as const;
export const requiredStockColumns = ['sku', 'reason'];

export interface StockPlan {
  line: number;
  sku: string;
  adjustment: { delta: number } | { onHand: number };
  reason: StockMovementReason;
  note: string;
  action: 'update' | 'unchanged';
}

/** Reads and checks every row against the stock as it is now. */
export async function planStockRows(
  { InventoryItem }: Models,
  records: readonly CsvRecord[],
  errors: CsvRowError[],
): Promise<StockPlan[]> {
  const skus = records.map((record) => (record.cells.sku ?? '').toUpperCase());
  const items = await InventoryItem.find({ sku: { $in: skus } })
    .select({ sku: 1, onHand: 1, reserved: 1 })
    .lean();
  const bySku = new Map(items.map((item) => [item.sku, item]));
  const seen = new Map<string, number>();
  const plans: StockPlan[] = [];
  for (const { line, cells } of records) {
    const before = errors.length;
    const fail = (column: string, message: string) => errors.push({ line, column, message });
    const sku = skuInput.safeParse(cells.sku ?? '');
    if (!sku.success)
      fail('sku', cells.sku ? 'Must be letters and digits joined by hyphens' : 'A SKU is required');
    const item = sku.success ? bySku.get(sku.data) : undefined;
    if (sku.success && !item) fail('sku', `No SKU ${sku.data} in the catalogue`);
    if (sku.success && seen.has(sku.data))
      fail('sku', `${sku.data} is already on line ${seen.get(sku.data)}`);
    if (sku.success) seen.set(sku.data, line);
    const change = cells.change ?? '';
    const count = cells.count ?? '';
    let adjustment: StockPlan['adjustment'] | null = null;
    if (change && count) fail('count', 'Give a change or a count, not both');
    else if (!change && !count) fail('change', 'Give a change (such as 12 or -3) or a count');
    else if (change) {
      if (!/^[+-]?\d{1,7}$/.test(change) || Number(change) === 0)
        fail('change', 'Must be a whole number other than 0, such as 12 or -3');
      else adjustment = { delta: Number(change) };
    } else if (!/^\d{1,7}$/.test(count))
      fail('count', 'Must be a whole number of units, 0 or more');
    else adjustment = { onHand: Number(count) };
    const reason = (cells.reason ?? '').toLowerCase();
    if (!(staffStockReasons as readonly string[]).includes(reason)) {
      fail('reason', `Must be one of ${staffStockReasons.join(', ')}`);
    }
    const note = cells.note ?? '';
    if (note.length > 200) fail('note', 'At most 200 characters');
    if (item && adjustment) {
      const onHand = 'delta' in adjustment ? item.onHand + adjustment.delta : adjustment.onHand;
      if (onHand < item.reserved) {
        fail(
          'delta' in adjustment ? 'change' : 'count',
          `${item.sku} would have ${onHand} on hand, below the ${item.reserved} reserved for open checkouts`,
        );
      }
    }
    if (errors.length > before || !item || !adjustment) continue;
    plans.push({
      line,
      sku: item.sku,
      adjustment,
      reason: reason as StockMovementReason,
      note,
      action: 'onHand' in adjustment && adjustment.onHand === item.onHand ? 'unchanged' : 'update',
    });
  }
  return plans;
}

export function plannedStockChangeOf(plan: StockPlan): CsvPlannedChange {
  return { line: plan.line, handle: '', sku: plan.sku, action: plan.action, fields: ['stock'] };
}

/** Applies the rows under the import's key: a SKU already moved by this import is left alone. */
export async function applyStockPlans(
  models: Models,
  plans: readonly StockPlan[],
  importId: string,
  actor: NonNullable<MovementRecord['actor']>,
  logger: Logger,
): Promise<RowResult[]> {
  const results: RowResult[] = [];
  for (const plan of plans) {
    const base = { line: plan.line, handle: '', sku: plan.sku };
    if (plan.action === 'unchanged') {
      results.push({ ...base, outcome: 'unchanged', message: '' });
      continue;
    }
    try {
      const adjusted = await adjustStock(
        models,
        { sku: plan.sku, ...plan.adjustment, reason: plan.reason },
        logger,
        {
          reason: plan.reason,
          note: plan.note || 'stock CSV',
          source: 'csv',
          actor,
          key: importId,
        },
      );
      results.push({
        ...base,
        outcome: adjusted.applied ? 'updated' : 'unchanged',
        message: `${adjusted.onHand} on hand`,
      });
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
      results.push({ ...base, outcome: 'failed', message: error.message });
    }
  }
  return results;
}

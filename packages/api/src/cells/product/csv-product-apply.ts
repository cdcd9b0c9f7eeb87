import type { ProductModels } from '@shop/db/product';
import { TRPCError } from '@trpc/server';
import type { Logger } from 'pino';
import { productArchived, productCreated, productUpdated } from '../../events/schemas';
import type { ProductPlan } from './csv-product-plan';
import { emitProductEvent } from './emit-product-event';
import { invalidateListings } from './listing-cache';
import { createProduct, updateProduct } from './product-writes';
import { adjustStock, type MovementRecord } from './stock-adjustment';

type Models = Pick<ProductModels, 'Product' | 'InventoryItem' | 'StockMovement'>;

export interface RowResult {
  line: number;
  handle: string;
  sku: string;
  outcome: 'created' | 'updated' | 'unchanged' | 'failed';
  message: string;
}

/**
 * Writes planned product groups through the same writes as the editor (validation, version
 * check, inventory rows, events). Each group makes the database match its rows, so applying it
 * again changes nothing: an import resumed after a crash re-plans the group it was in and finds
 * it done. Counts go through the stock ledger under the import's key (at most once per SKU).
 * A group that fails (changed by someone since the preview) is reported, not retried.
 */
export async function applyProductPlans(
  models: Models,
  plans: readonly ProductPlan[],
  importId: string,
  actor: NonNullable<MovementRecord['actor']>,
  logger: Logger,
): Promise<RowResult[]> {
  const results: RowResult[] = [];
  const record = (
    plan: ProductPlan,
    outcome: (sku: string) => RowResult['outcome'],
    message = '',
  ) => {
    for (const row of plan.group.rows) {
      results.push({
        line: row.line,
        handle: plan.group.handle,
        sku: row.sku,
        outcome: outcome(row.sku),
        message,
      });
    }
  };
  for (const plan of plans) {
    try {
      if (plan.action === 'create') {
        const created = await createProduct(models, plan.input);
        await emitProductEvent(logger, productCreated, {
          productId: created._id.toString(),
          slug: created.slug,
        });
        for (const variant of plan.input.variants) {
          if (!variant.onHand) continue;
          await models.StockMovement.create({
            sku: variant.sku,
            productId: created._id,
            delta: variant.onHand,
            onHandBefore: 0,
            onHandAfter: variant.onHand,
            reason: 'initial',
            note: 'CSV import',
            source: 'csv',
            actorId: actor.id,
            actorEmail: actor.email,
            key: importId,
          });
        }
        record(plan, () => 'created');
        continue;
      }
      if (plan.action === 'unchanged') {
        record(plan, () => 'unchanged');
        continue;
      }
      if (plan.changes) {
        const { before, after } = await updateProduct(
          models,
          plan.productId.toString(),
          plan.changes,
          plan.version,
          logger,
          actor,
        );
        const productId = after._id.toString();
        await emitProductEvent(logger, productUpdated, { productId, slug: after.slug });
        if (after.status === 'archived' && before.status !== 'archived') {
          await emitProductEvent(logger, productArchived, { productId, slug: after.slug });
        }
      }
      for (const count of plan.counts) {
        await adjustStock(
          models,
          { sku: count.sku, onHand: count.onHand, reason: 'counted (CSV import)' },
          logger,
          { reason: 'counted', note: 'CSV import', source: 'csv', actor, key: importId },
        );
      }
      for (const threshold of plan.thresholds) {
        await models.InventoryItem.updateOne(
          { sku: threshold.sku },
          { $set: { lowStockThreshold: threshold.lowStockThreshold } },
        );
      }
      record(plan, (sku) =>
        plan.variants.get(sku) === 'unchanged'
          ? 'unchanged'
          : plan.variants.get(sku) === 'create'
            ? 'created'
            : 'updated',
      );
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error; // the database itself failed: retry the step
      logger.warn({ handle: plan.group.handle, code: error.code }, 'CSV import row refused');
      record(plan, () => 'failed', error.message);
    }
  }
  if (plans.some((plan) => plan.action !== 'unchanged')) invalidateListings();
  return results;
}

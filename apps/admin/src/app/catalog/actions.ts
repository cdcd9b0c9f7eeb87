'use server';

import { formStateFromError, type FormState } from '@shop/ui/form';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { currentSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { draftSchema, fieldsFromDraft } from '@/components/catalog/draft-to-input';
import { type EditorSaveState, saveStateFromError } from '@/components/catalog/save-errors';
import { parseMoneyInput } from '@/components/orders/money-input';

const signedOut = 'Your session has ended. Sign in again.';
const objectId = z.string().regex(/^[0-9a-f]{24}$/);

const saveRequest = z.strictObject({
  id: objectId.optional(),
  expectedVersion: z.number().int().min(0).optional(),
  draft: draftSchema,
});

/**
 * Creates or saves a product from the editor. A save sends the version the editor opened, so
 * a save made meanwhile by someone else is reported (status `conflict`), not overwritten.
 */
export async function saveProduct(request: unknown): Promise<EditorSaveState> {
  const session = await currentSession();
  if (!session) return { status: 'error', message: signedOut };
  const parsed = saveRequest.safeParse(request);
  if (!parsed.success)
    return { status: 'error', message: 'The form sent something unexpected. Reload the page.' };
  const { id, expectedVersion, draft } = parsed.data;
  const read = fieldsFromDraft(draft);
  if (!read.ok) {
    return {
      status: 'error',
      message: 'Check the highlighted fields.',
      fieldErrors: read.fieldErrors,
    };
  }
  try {
    const product = cellsAs(session).product;
    const saved = id
      ? await product.update.mutate({ id, expectedVersion, changes: read.fields })
      : await product.create.mutate({
          ...read.fields,
          name: read.fields.name ?? '',
          slug: read.fields.slug ?? '',
          brand: read.fields.brand ?? '',
          categorySlugs: read.fields.categorySlugs ?? [],
          publishedAt: read.fields.publishedAt ?? undefined,
        });
    revalidatePath('/catalog', 'layout');
    return {
      status: 'success',
      message: `${saved.name} saved${saved.status === 'active' ? ' and live in the shop' : ''}.`,
      id: saved.id,
      version: saved.version,
    };
  } catch (error) {
    return saveStateFromError(error);
  }
}

const bulkRequest = z.strictObject({
  key: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  ids: z.array(objectId).min(1).max(100),
  action: z.enum(['publish', 'archive', 'moveToCategory', 'changePrice', 'changePercent']),
  /** The category's slug, the signed amount in euros ("-2.50") or the percent ("10", "-5.5"). */
  value: z.string().max(100),
});

/**
 * Runs a confirmed bulk action. The key is made once per confirmation by the page, so sending
 * it again (a retry) changes nothing twice: the cell remembers it per product.
 */
export async function bulkProducts(request: unknown): Promise<FormState> {
  const session = await currentSession();
  if (!session) return { status: 'error', message: signedOut };
  const parsed = bulkRequest.safeParse(request);
  if (!parsed.success) return { status: 'error', message: 'Choose products and an action first.' };
  const { key, ids, action, value } = parsed.data;
  let cellAction;
  if (action === 'moveToCategory') {
    if (!value) return { status: 'error', fieldErrors: { value: 'Choose a category.' } };
    cellAction = { type: action, categorySlug: value };
  } else if (action === 'changePrice') {
    const negative = value.trim().startsWith('-');
    const amount = parseMoneyInput(value.trim().replace(/^[-+]\s*/, ''));
    if (!amount.ok) return { status: 'error', fieldErrors: { value: amount.message } };
    cellAction = { type: action, amountMinor: negative ? -amount.minor : amount.minor };
  } else if (action === 'changePercent') {
    const percent = Number(value.trim().replace(',', '.').replace(/%$/, ''));
    if (!/^[-+]?\d{1,4}(?:[.,]\d{1,2})?%?$/.test(value.trim()) || percent === 0 || percent < -99) {
      return {
        status: 'error',
        fieldErrors: { value: 'Enter a percent from -99 to 1000, e.g. 10 or -5.5.' },
      };
    }
    cellAction = { type: action, percent };
  } else {
    cellAction = { type: action };
  }
  try {
    const result = await cellsAs(session).product.bulk.mutate({ key, ids, action: cellAction });
    revalidatePath('/catalog', 'layout');
    const parts = [
      `${result.updated.length} product${result.updated.length === 1 ? '' : 's'} changed`,
      result.alreadyApplied.length ? `${result.alreadyApplied.length} already had this change` : '',
      ...result.skipped.map((skip) => `${skip.name || skip.id} left alone: ${skip.reason}`),
    ].filter(Boolean);
    return {
      status: result.skipped.length && !result.updated.length ? 'error' : 'success',
      message: `${parts.join('. ')}.`,
    };
  } catch (error) {
    return formStateFromError(error, {
      fields: [],
      messages: { FORBIDDEN: 'Your role may read the catalogue but not change it.' },
    });
  }
}

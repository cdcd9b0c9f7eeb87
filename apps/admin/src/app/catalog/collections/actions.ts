'use server';

import type { RouterOutputs } from '@shop/api/client';
import { formStateFromError, type FormState } from '@shop/ui/form';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { currentSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { collectionFieldsFromDraft, rulesFromDraft } from '@/components/catalog/collection-draft';
import {
  collectionDraftSchema,
  collectionRulesDraftSchema,
} from '@/components/catalog/collection-draft-schema';

const signedOut = 'Your session has ended. Sign in again.';
const objectId = z.string().regex(/^[0-9a-f]{24}$/);

const refusals = {
  fields: ['handle', 'title', 'description', 'conditions', 'productIds', 'sort'],
  conflict: { field: 'handle', message: 'Another collection already uses this address.' },
  messages: { FORBIDDEN: 'Your role may read the catalogue but not change it.' },
} as const;
const mapping = { ...refusals, fields: [...refusals.fields] };

export type CollectionSaveState = FormState & { id?: string; version?: number };

const saveRequest = z.strictObject({
  id: objectId.optional(),
  expectedVersion: z.number().int().min(0).optional(),
  draft: collectionDraftSchema,
});

/** Creates or saves a collection; a save made meanwhile by someone else is reported. */
export async function saveCollection(request: unknown): Promise<CollectionSaveState> {
  const session = await currentSession();
  if (!session) return { status: 'error', message: signedOut };
  const parsed = saveRequest.safeParse(request);
  if (!parsed.success) {
    return { status: 'error', message: 'The form sent something unexpected. Reload the page.' };
  }
  const read = collectionFieldsFromDraft(parsed.data.draft);
  if (!read.ok) {
    return { status: 'error', message: 'Check the highlighted fields.', fieldErrors: read.errors };
  }
  const { id, expectedVersion } = parsed.data;
  try {
    const product = cellsAs(session).product;
    const saved = id
      ? await product.updateCollection.mutate({ id, expectedVersion, collection: read.fields })
      : await product.createCollection.mutate(read.fields);
    revalidatePath('/catalog/collections', 'layout');
    return {
      status: 'success',
      message: `${saved.title} saved.`,
      id: saved.id,
      version: saved.version,
    };
  } catch (error) {
    const state = formStateFromError(error, mapping);
    // A stale save (CONFLICT without a handle clash) says so rather than blaming the handle.
    if (error instanceof Error && /changed by someone else/.test(error.message)) {
      return { status: 'error', message: error.message };
    }
    return state;
  }
}

/** Deletes a collection (its storefront page answers 404 from then on). */
export async function deleteCollection(data: FormData): Promise<FormState> {
  const session = await currentSession();
  if (!session) return { status: 'error', message: signedOut };
  const id = objectId.safeParse(data.get('id'));
  if (!id.success) return { status: 'error', message: 'No collection chosen.' };
  try {
    await cellsAs(session).product.deleteCollection.mutate({ id: id.data });
    revalidatePath('/catalog/collections', 'layout');
    return { status: 'success', message: 'Collection deleted.' };
  } catch (error) {
    return formStateFromError(error, mapping);
  }
}

export type PreviewAnswer =
  | { ok: true; preview: RouterOutputs['product']['previewCollection'] }
  | { ok: false; message: string };

/** The editor's live preview: what the conditions match now. */
export async function previewRules(draft: unknown): Promise<PreviewAnswer> {
  const session = await currentSession();
  if (!session) return { ok: false, message: signedOut };
  const parsed = collectionRulesDraftSchema.safeParse(draft);
  if (!parsed.success) return { ok: false, message: 'Those conditions cannot be read.' };
  const rules = rulesFromDraft(parsed.data);
  if (!rules.ok) return { ok: false, message: 'Finish the conditions to see what they match.' };
  if (rules.rules.conditions.length === 0) {
    return { ok: false, message: 'Add a condition to see what it matches.' };
  }
  try {
    const preview = await cellsAs(session).product.previewCollection.query(rules.rules);
    return { ok: true, preview };
  } catch (error) {
    return { ok: false, message: formStateFromError(error, mapping).message ?? 'No preview.' };
  }
}

export type FoundProduct = { id: string; name: string; slug: string; status: string };

/** Products whose name, slug, brand or SKU contains `q` (the manual list's "add product"). */
export async function findProducts(q: unknown): Promise<FoundProduct[]> {
  const session = await currentSession();
  const text = z.string().trim().min(1).max(100).safeParse(q);
  if (!session || !text.success) return [];
  try {
    const found = await cellsAs(session).product.adminList.query({ q: text.data, pageSize: 8 });
    return found.items.map(({ id, name, slug, status }) => ({ id, name, slug, status }));
  } catch {
    return [];
  }
}

const membershipRequest = z.strictObject({ collectionId: objectId, productId: objectId });

/** Adds the product to a manual collection, or takes it out (the product editor's panel). */
export async function changeMembership(data: FormData): Promise<FormState> {
  const session = await currentSession();
  if (!session) return { status: 'error', message: signedOut };
  const parsed = membershipRequest.safeParse({
    collectionId: data.get('collectionId'),
    productId: data.get('productId'),
  });
  if (!parsed.success) return { status: 'error', message: 'Choose a collection.' };
  try {
    const product = cellsAs(session).product;
    const remove = data.get('change') === 'remove';
    const answer = remove
      ? await product.removeFromCollection.mutate(parsed.data)
      : await product.addToCollection.mutate(parsed.data);
    revalidatePath(`/catalog/${parsed.data.productId}`);
    return {
      status: 'success',
      message: remove ? `Removed from ${answer.title}.` : `Added to ${answer.title}.`,
    };
  } catch (error) {
    return formStateFromError(error, { fields: [], messages: refusals.messages });
  }
}

'use server';

import { formStateFromError, type FormState } from '@shop/ui/form';
import { revalidatePath } from 'next/cache';
import { currentSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { slugFrom } from '@/components/catalog/editor-values';

const text = (data: FormData, name: string, max = 200) =>
  String(data.get(name) ?? '')
    .trim()
    .slice(0, max);

const refusals = {
  fields: ['slug', 'name', 'parentSlug', 'description'],
  conflict: { field: 'slug', message: 'Another category already uses this address.' },
  messages: { FORBIDDEN: 'Your role may read the catalogue but not change it.' },
} as const;

/** A new category under `parentSlug` (empty: the top level); the slug defaults from the name. */
export async function createCategory(data: FormData): Promise<FormState> {
  const session = await currentSession();
  if (!session) return { status: 'error', message: 'Your session has ended. Sign in again.' };
  const name = text(data, 'name', 100);
  const slug = text(data, 'slug', 120) || slugFrom(name);
  const parentSlug = text(data, 'parentSlug', 120) || null;
  try {
    await cellsAs(session).product.createCategory.mutate({ slug, name, parentSlug });
    revalidatePath('/catalog', 'layout');
    return { status: 'success', message: `${name} created.` };
  } catch (error) {
    return formStateFromError(error, { ...refusals, fields: [...refusals.fields] });
  }
}

/** Renames a category and/or moves it under another parent. */
export async function updateCategory(data: FormData): Promise<FormState> {
  const session = await currentSession();
  if (!session) return { status: 'error', message: 'Your session has ended. Sign in again.' };
  const slug = text(data, 'slug', 120);
  const name = text(data, 'name', 100);
  const parentSlug = text(data, 'parentSlug', 120) || null;
  try {
    await cellsAs(session).product.updateCategory.mutate({ slug, name, parentSlug });
    revalidatePath('/catalog', 'layout');
    return { status: 'success', message: `${name} saved.` };
  } catch (error) {
    return formStateFromError(error, { ...refusals, fields: [...refusals.fields] });
  }
}

/** Moves a category one place up or down among its siblings. */
export async function moveCategory(data: FormData): Promise<FormState> {
  const session = await currentSession();
  if (!session) return { status: 'error', message: 'Your session has ended. Sign in again.' };
  const slug = text(data, 'slug', 120);
  const parentSlug = text(data, 'parentSlug', 120) || null;
  const siblings = text(data, 'siblings', 20_000).split(',').filter(Boolean);
  const at = siblings.indexOf(slug);
  const to = data.get('direction') === 'up' ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= siblings.length) return { status: 'idle' };
  const order = [...siblings];
  [order[at], order[to]] = [order[to]!, order[at]!];
  try {
    await cellsAs(session).product.reorderCategories.mutate({ parentSlug, slugs: order });
    revalidatePath('/catalog', 'layout');
    return { status: 'success', message: 'Order saved.' };
  } catch (error) {
    return formStateFromError(error, { ...refusals, fields: [...refusals.fields] });
  }
}

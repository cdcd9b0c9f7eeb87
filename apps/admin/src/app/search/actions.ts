'use server';

import type { RouterInputs } from '@shop/api/client';
import { type FormState, formStateFromError } from '@shop/ui/form';
import { revalidatePath } from 'next/cache';
import { currentSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import type { PreviewAnswer, RuleDraft } from '@/components/search/merchandising-types';

type SearchInputs = RouterInputs['search'];

const signedOut: FormState = { status: 'error', message: 'Your session has ended. Sign in again.' };

/** One staff write to the search cell (which checks catalog:write), as a form's outcome. */
async function write(
  call: (cells: ReturnType<typeof cellsAs>) => Promise<unknown>,
  done: string,
  fields: readonly string[],
): Promise<FormState> {
  const session = await currentSession();
  if (!session) return signedOut;
  try {
    await call(cellsAs(session));
    revalidatePath('/search');
    return { status: 'success', message: done };
  } catch (error) {
    return formStateFromError(error, { fields });
  }
}

export async function saveSynonym(input: SearchInputs['saveSynonym']): Promise<FormState> {
  return write(
    (cells) => cells.search.saveSynonym.mutate(input),
    'Synonym saved. Every search uses it within seconds.',
    ['terms', 'direction'],
  );
}

export async function deleteSynonym(id: string): Promise<FormState> {
  return write((cells) => cells.search.deleteSynonym.mutate({ id }), 'Synonym removed.', []);
}

export async function saveRedirect(input: SearchInputs['saveRedirect']): Promise<FormState> {
  return write((cells) => cells.search.saveRedirect.mutate(input), 'Redirect saved.', [
    'query',
    'url',
  ]);
}

export async function deleteRedirect(id: string): Promise<FormState> {
  return write((cells) => cells.search.deleteRedirect.mutate({ id }), 'Redirect removed.', []);
}

export async function saveQueryPins(input: SearchInputs['saveQueryPins']): Promise<FormState> {
  return write(
    (cells) => cells.search.saveQueryPins.mutate(input),
    'Pinned and hidden products saved.',
    ['query', 'pinned', 'hidden'],
  );
}

export async function saveBoostRule(input: SearchInputs['saveBoostRule']): Promise<FormState> {
  return write((cells) => cells.search.saveBoostRule.mutate(input), 'Rule saved.', [
    'effect',
    'field',
    'value',
    'query',
  ]);
}

export async function deleteBoostRule(id: string): Promise<FormState> {
  return write((cells) => cells.search.deleteBoostRule.mutate({ id }), 'Rule removed.', []);
}

/** The first results a shopper would see for `q` with the draft rules (catalog:read). */
export async function previewSearch(q: string, rules: RuleDraft): Promise<PreviewAnswer> {
  const session = await currentSession();
  if (!session) return { ok: false, message: signedOut.message! };
  try {
    const answer = await cellsAs(session).search.preview.query({ q, rules, pageSize: 12 });
    return {
      ok: true,
      totalCount: answer.totalCount,
      redirect: answer.redirect,
      queryUsed: answer.queryUsed,
      results: answer.results.map((product) => ({
        id: product.id,
        name: product.name,
        brand: product.brand,
        inStock: product.inStock,
      })),
    };
  } catch (error) {
    const state = formStateFromError(error, { fields: [] });
    return { ok: false, message: state.message ?? 'The preview cannot be shown right now.' };
  }
}

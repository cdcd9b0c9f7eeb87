'use server';

import type { RouterOutputs } from '@shop/api/client';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { currentSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';

export type ImportView = RouterOutputs['product']['csvImport'];
export type ImportStep<T> = { ok: true; data: T } | { ok: false; message: string };

const importId = z.string().regex(/^[0-9a-f]{24}$/);

/** A cell refusal's message (it is written for staff), or a generic one. */
function failure(error: unknown): { ok: false; message: string } {
  const code = (error as { data?: { code?: string } }).data?.code;
  if (code === 'FORBIDDEN') return { ok: false, message: 'Your role may not import products.' };
  if (code && code !== 'INTERNAL_SERVER_ERROR' && error instanceof Error) {
    return { ok: false, message: error.message };
  }
  return { ok: false, message: 'The catalogue could not be reached. Try again in a moment.' };
}

async function withCells<T>(
  run: (cells: ReturnType<typeof cellsAs>) => Promise<T>,
): Promise<ImportStep<T>> {
  const session = await currentSession();
  if (!session) return { ok: false, message: 'Your session has ended. Sign in again.' };
  try {
    return { ok: true, data: await run(cellsAs(session)) };
  } catch (error) {
    return failure(error);
  }
}

const startRequest = z.strictObject({
  kind: z.enum(['products', 'stock']),
  fileName: z.string().trim().min(1).max(200),
  partCount: z.number().int().min(1).max(32),
});

/** Opens an import; the page then sends the file's parts (each under the 1 MiB body limits). */
export async function startImport(request: unknown) {
  const parsed = startRequest.safeParse(request);
  if (!parsed.success)
    return { ok: false as const, message: 'The file is too large (8 MiB at most).' };
  return withCells((cells) => cells.product.startCsvImport.mutate(parsed.data));
}

const partRequest = z.strictObject({
  importId,
  index: z.number().int().min(0).max(31),
  text: z.string().max(262_144),
});

export async function uploadPart(request: unknown) {
  const parsed = partRequest.safeParse(request);
  if (!parsed.success) return { ok: false as const, message: 'A part of the file was refused.' };
  return withCells((cells) => cells.product.uploadCsvImportPart.mutate(parsed.data));
}

export async function previewImport(id: unknown) {
  const parsed = importId.safeParse(id);
  if (!parsed.success) return { ok: false as const, message: 'Unknown import.' };
  return withCells((cells) => cells.product.previewCsvImport.mutate({ importId: parsed.data }));
}

export async function applyImport(id: unknown) {
  const parsed = importId.safeParse(id);
  if (!parsed.success) return { ok: false as const, message: 'Unknown import.' };
  const result = await withCells((cells) =>
    cells.product.applyCsvImport.mutate({ importId: parsed.data }),
  );
  if (result.ok) revalidatePath('/catalog', 'layout');
  return result;
}

export async function importStatus(id: unknown) {
  const parsed = importId.safeParse(id);
  if (!parsed.success) return { ok: false as const, message: 'Unknown import.' };
  return withCells((cells) => cells.product.csvImport.query({ importId: parsed.data }));
}

export async function importReport(id: unknown) {
  const parsed = importId.safeParse(id);
  if (!parsed.success) return { ok: false as const, message: 'Unknown import.' };
  return withCells((cells) => cells.product.csvImportReport.query({ importId: parsed.data }));
}

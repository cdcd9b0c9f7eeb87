// Checked by hand, not with zod: zod 4 probes `new Function` on first use, which the admin's
// Content-Security-Policy refuses (and reports) in the browser.
const storedUrlOf = (body: unknown): string | null => {
  const url = (body as { url?: unknown } | null)?.url;
  return typeof url === 'string' && /^\/media\/product\/[0-9a-f]{32}$/.test(url) ? url : null;
};
const refusalOf = (body: unknown): string | null => {
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof message === 'string' && message ? message : null;
};

export type UploadResult = { ok: true; url: string } | { ok: false; message: string };

/**
 * Sends one file to the admin's upload route (the raw file as the body, its own type) and says
 * what became of it: the stored image's path, or the server's reason in its own words.
 */
export async function uploadProductImage(file: File): Promise<UploadResult> {
  let response: Response;
  try {
    response = await fetch('/api/media/product-images', {
      method: 'POST',
      headers: { 'content-type': file.type || 'application/octet-stream' },
      body: file,
    });
  } catch {
    return { ok: false, message: 'The upload did not go through. Check your connection.' };
  }
  const body: unknown = await response.json().catch(() => null);
  const url = storedUrlOf(body);
  if (response.ok && url) return { ok: true, url };
  const reason = refusalOf(body);
  if (reason) return { ok: false, message: reason };
  return {
    ok: false,
    message:
      response.status === 413
        ? 'The file is too large; use a smaller photo.'
        : 'The upload failed; try again.',
  };
}

/** The list with one item taken out of `from` and put back at `to`. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [moved] = next.splice(from, 1);
  if (moved === undefined) return next;
  next.splice(to, 0, moved);
  return next;
}

/** Where an image index points after the image at `from` moved to `to`. */
export function imageIndexAfterMove(index: number, from: number, to: number): number {
  if (index === from) return to;
  if (from < index && index <= to) return index - 1;
  if (to <= index && index < from) return index + 1;
  return index;
}

/** Where an image index points after the image at `removed` was taken off (its variants: the first). */
export function imageIndexAfterRemoval(index: number, removed: number): number {
  if (index === removed) return 0;
  return index > removed ? index - 1 : index;
}

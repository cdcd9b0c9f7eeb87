import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/** One line the processor's `recordNotOk` wrote (shopper-processor.cjs). */
const lineSchema = z.object({
  group: z.string().optional(),
  method: z.string(),
  url: z.string(),
  status: z.number(),
  body: z.string().default(''),
});

/** The first error message in an answer's body (a tRPC batch's or the gateway's own). */
export function messageOf(body: string): string {
  const found = /"message":"((?:[^"\\]|\\.){0,160})/.exec(body)?.[1];
  return found ? found.replace(/\\"/g, '"').replace(/\\n/g, ' ') : body.slice(0, 80) || '(no body)';
}

/** The step as a name: a gateway call by its procedure, a page by its path's first segment. */
function stepOf(url: string): string {
  const { pathname } = new URL(url, 'http://load.invalid');
  const procedure = /^\/api\/cells\/[^/]+\/([^/?]+)/.exec(pathname)?.[1];
  if (procedure) return procedure;
  const [, first = ''] = pathname.split('/');
  return `/${first}`;
}

/**
 * Every non-2xx answer of a run, counted by group, method, step, status and message: each
 * distinct cause is one entry. Missing file: none were recorded.
 */
export async function notOkByCause(path: string): Promise<Record<string, number>> {
  const text = await readFile(path, 'utf8').catch(() => '');
  const counts: Record<string, number> = {};
  for (const raw of text.split('\n')) {
    if (!raw.trim()) continue;
    const parsed = lineSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) continue;
    const { group, method, url, status, body } = parsed.data;
    const key = `${group ?? '?'} ${method} ${stepOf(url)} ${status}: ${messageOf(body)}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

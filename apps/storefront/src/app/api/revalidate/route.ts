import { createHash, timingSafeEqual } from 'node:crypto';
import { revalidateTag } from 'next/cache';
import { z } from 'zod';
import { storefrontEnv } from '@/env';
import { cacheTagPattern } from '@/server/cache-tags';

const body = z.object({
  tags: z
    .array(z.string().max(200).regex(cacheTagPattern, 'is not a catalogue cache tag'))
    .min(1)
    .max(100),
});

/** Constant-time comparison of the bearer secret (hashed first so lengths never leak). */
function secretMatches(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Expires cached catalogue data when it changes: the product cell's `revalidate-storefront`
 * function posts `{ tags }` here with `Authorization: Bearer $REVALIDATE_SECRET`. The next view
 * of an affected page reads fresh data from the cell.
 */
export async function POST(request: Request): Promise<Response> {
  // Unset only outside production (src/env.ts requires it there).
  const secret = storefrontEnv().REVALIDATE_SECRET;
  if (!secret) {
    return Response.json({ error: { message: 'Revalidation is not configured' } }, { status: 503 });
  }
  const given = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
  if (!secretMatches(given, secret)) {
    return Response.json({ error: { message: 'Not allowed' } }, { status: 401 });
  }
  if (Number(request.headers.get('content-length') ?? 0) > 64 * 1024) {
    return Response.json({ error: { message: 'Body too large' } }, { status: 413 });
  }
  const json: unknown = await request.json().catch(() => undefined);
  const parsed = body.safeParse(json);
  if (!parsed.success) {
    return Response.json(
      { error: { message: `Expected { tags: string[] }: ${parsed.error.issues[0]?.message}` } },
      { status: 400 },
    );
  }
  const tags = [...new Set(parsed.data.tags)];
  // expire: 0 — the next request waits for fresh data instead of being served the stale copy.
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  return Response.json({ revalidated: tags });
}
